//! Velocity cases: the constructs data-action templates use, each with the public page its
//! behaviour comes from (the Apache Velocity user guide or Genesys's help pages).

use action_engine::{render, Context, ErrorKind, Value};
use serde_json::json;

fn context() -> Context {
    let inputs = json!({"QueueID": "q-1", "Name": " Ana Lima ", "Empty": "", "Count": 3});
    let mut c = Context::for_request(inputs.as_object().unwrap());
    c.set(
        "list",
        Value::List(vec!["a".into(), "b".into(), "c".into()]),
    );
    c.set("nothing", Value::Null);
    c
}

fn out(template: &str) -> String {
    render(template, &context())
        .unwrap_or_else(|e| panic!("{template}: {e}"))
        .text
}

#[test]
fn references_and_quiet_notation() {
    // Inputs render raw: `${input.QueueID}` is the bare GUID
    // (help.mypurecloud.com/articles/request-configuration-for-data-actions/).
    assert_eq!(
        out("/api/v2/routing/queues/${input.QueueID}/members"),
        "/api/v2/routing/queues/q-1/members"
    );
    assert_eq!(out("$input.QueueID/x"), "q-1/x");
    // Formal notation prints the variable's name when null; silent notation prints nothing
    // (help.mypurecloud.com/articles/velocity-macros-data-actions/).
    assert_eq!(out("[${input.Missing}]"), "[${input.Missing}]");
    assert_eq!(
        out("[$!{input.Missing}][$!nothing][$nothing]"),
        "[][][$nothing]"
    );
    // A trailing dot is text (Velocity user guide, "References").
    assert_eq!(out("$input.QueueID."), "q-1.");
    // `\$` escapes a reference (Velocity user guide, "Escaping Valid VTL References").
    assert_eq!(
        out("\\$input.QueueID and \\\\$input.QueueID"),
        "$input.QueueID and \\q-1"
    );
    // `$` that starts no reference is text.
    assert_eq!(out("costs $5 or $"), "costs $5 or $");
}

#[test]
fn undefined_references_render_literally_and_are_recorded() {
    let r = render("{\"a\": $Presences}", &context()).unwrap();
    assert_eq!(r.text, "{\"a\": $Presences}");
    assert_eq!(r.undefined.len(), 1);
    assert_eq!(
        (
            r.undefined[0].reference.as_str(),
            r.undefined[0].line,
            r.undefined[0].column
        ),
        ("$Presences", 1, 7)
    );
    // A bare reference tested by #if is not a miss (Velocity user guide, "Strict Reference Mode").
    assert!(render("#if($Maybe)x#end", &context())
        .unwrap()
        .undefined
        .is_empty());
}

#[test]
fn methods_on_strings_lists_and_maps() {
    // Java String methods through references (Velocity user guide, "Methods").
    assert_eq!(out("$input.Name.trim().toUpperCase()|$input.Name.length()|${input.QueueID.replace('-', '_')}"), "ANA LIMA|10|q_1");
    assert_eq!(out("$input.Name.trim().substring(0, 3)|$input.Name.trim().substring(4)|$input.Empty.isEmpty()"), "Ana|Lima|true");
    assert_eq!(
        out("$list.size() $list.get(1) $list.isEmpty() $list.toString() $input.Count.toString()"),
        "3 b false [a, b, c] 3"
    );
    assert_eq!(out("$list.get(9)"), "$list.get(9)");
}

#[test]
fn directives() {
    // #set, #if/#elseif/#else (Velocity user guide, "Directives").
    assert_eq!(out("#set($n = $input.Count + 1)$n"), "4");
    assert_eq!(
        out("#if($input.Count > 5)big#elseif($input.Count == 3)three#else other#end"),
        "three"
    );
    assert_eq!(
        out("#if($input.Count < 5 && !($input.QueueID != 'q-1') || false)yes#end"),
        "yes"
    );
    // The public callback action's optional-field pattern.
    assert_eq!(
        out("#if(\"$!{input.Missing}\" != \"\")set#{else}unset#end"),
        "unset"
    );
    // #foreach with $foreach.hasNext and $foreach.count (Velocity 2 user guide, "Loops").
    assert_eq!(
        out("[#foreach($i in $list)\"$i$foreach.count\"#if($foreach.hasNext),#end#end]"),
        "[\"a1\",\"b2\",\"c3\"]"
    );
    // Comments and unparsed blocks (Velocity user guide, "Comments", "Unparsed Content").
    assert_eq!(
        out("a## line\nb#* block *#c#[[$notParsed]]#"),
        "abc$notParsed"
    );
    // A directive alone on its line takes the line with it (Velocity 2 "space gobbling", lines mode).
    assert_eq!(out("{\n#if(true)\n  \"a\": 1\n#end\n}"), "{\n  \"a\": 1\n}");
}

#[test]
fn choices_where_genesys_is_unknown() {
    // Empty strings and lists are false in #if (Velocity 2 `directive.if.empty_check`); see README.
    assert_eq!(
        out("#if(\"\")t#{else}f#end #if($list)t#{else}f#end #if(0)t#{else}f#end"),
        "f t t"
    );
}

#[test]
fn genesys_tools() {
    // $esc.jsonString escapes for a JSON string; $esc.url form-encodes, spaces as "+"
    // (help.mypurecloud.com/articles/velocity-macros-data-actions/).
    let mut c = Context::new();
    c.set("s", "say \"hi\"\n\\ & go");
    let r = render(
        "$esc.jsonString($s)|$esc.url($s)|$esc.quote|$esc.url('On Queue')",
        &c,
    )
    .unwrap();
    assert_eq!(
        r.text,
        "say \\\"hi\\\"\\n\\\\ & go|say+%22hi%22%0A%5C+%26+go|\"|On+Queue"
    );
    // $math is MathTool (same page): integers stay integers, a fraction becomes a decimal.
    assert_eq!(
        out("$math.add(2, 3) $math.sub(2, 5) $math.mul(2, 3) $math.div(6, 3) $math.div(7, 2)"),
        "5 -3 6 2 3.5"
    );
    // firstFromArray, as the public Genesys actions call it.
    assert_eq!(
        out("$successTemplateUtils.firstFromArray('[\"x\",\"y\"]')"),
        "\"x\""
    );
    assert_eq!(
        out("$successTemplateUtils.firstFromArray('[]', \"$esc.quote$esc.quote\")"),
        "\"\""
    );
    assert_eq!(out("$successTemplateUtils.firstFromArray('[]')"), "null");
    assert_eq!(out("?${urlTool.optionalQueryParam('q', 'a b')}${urlTool.optionalQueryParam('z', $input.Empty)}x"), "?q=a+b&x");
    assert_eq!(out("${urlTool.optionalQueryParam('q', 'v', true)}"), "q=v");
}

#[test]
fn syntax_errors_are_typed_with_positions() {
    for (bad, line) in [
        ("${a", 1),
        ("x\n#if(true)never closed", 2),
        ("#end", 1),
        ("#set($a 1)", 1),
        ("#* open", 1),
    ] {
        let err = render(bad, &Context::new()).expect_err(bad);
        assert_eq!(err.kind, ErrorKind::TemplateSyntax, "{bad}");
        assert_eq!(err.position.map(|p| p.0), Some(line), "{bad}: {err}");
    }
}
