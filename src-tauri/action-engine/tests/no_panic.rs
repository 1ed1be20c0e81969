//! Arbitrary templates and paths end in a value or a typed error, never a panic.

use action_engine::{eval_path, render, Context};
use proptest::prelude::*;
use serde_json::json;

const VTL: &str = r#"(\$|\$!|\{|\}|\(|\)|#if|#elseif|#else|#end|#set|#foreach| in |\$x|\.y|\.size\(\)|"|'|,|==|&&|!|\[|\]|\.\.|##|#\*|\*#|\\|1|a|\n| )*"#;
const PATH: &str = r#"(\$|@|\.|\.\.|\[|\]|\*|\?|\(|\)|'a'|a|0|-1|:|,|==|=~|/x/i| in | nin |&&|\|\||\.length\(\)| )*"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_template_renders_or_errs(template in any::<String>(), vtl in VTL) {
        let mut context = Context::new();
        context.set("x", "v");
        let _ = render(&template, &context);
        let _ = render(&vtl, &context);
    }

    #[test]
    fn any_path_evaluates_or_errs(path in any::<String>(), shaped in PATH) {
        let doc = json!({"a": [{"a": 1}, {"a": "x"}], "b": {"a": null}});
        let _ = eval_path(&path, &doc);
        let _ = eval_path(&shaped, &doc);
    }
}
