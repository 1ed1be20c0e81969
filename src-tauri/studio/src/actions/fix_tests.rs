//! Each lint with a fix, on the workshop's preset broken the usual ways: the fix offered with
//! the finding, applied to the form, clears that finding and leaves the rest of the form as it
//! was.

use super::preset::queue_presences;
use super::{apply_fix, check};
use crate::wire::actions::{ContractField, FieldType, FormFix, FormProblem};

fn preset() -> crate::wire::actions::ActionForm {
    queue_presences("Get queue presences", "i-1", "Data Actions")
}

fn finding<'a>(problems: &'a [FormProblem], code: &str) -> Option<&'a FormProblem> {
    problems.iter().find(|p| p.code == code)
}

#[test]
fn the_preset_reads_the_members_without_page_size_and_one_fix_asks_for_100() {
    // The workshop's URL asks for no page size, so a queue of more than 25 is cut short.
    let problems = check(&preset());
    let fixes: Vec<_> = problems.iter().filter_map(|p| p.fix.clone()).collect();
    assert_eq!(fixes, [FormFix::PageSize], "{problems:?}");
    let fixed = apply_fix(&preset(), &FormFix::PageSize);
    assert!(
        fixed.url_template.ends_with("pageSize=100"),
        "{}",
        fixed.url_template
    );
    assert!(check(&fixed).iter().all(|p| p.fix.is_none()));
}

#[test]
fn each_fix_clears_its_finding() {
    let mut form = preset();
    form.url_template = form
        .url_template
        .replace("pageSize=100&", "")
        .replace("?pageSize=100", "");
    assert!(
        !form.url_template.contains("pageSize"),
        "{}",
        form.url_template
    );
    form.success_template = form.success_template.replace("$Presence", "$Presences");
    form.inputs.push(ContractField {
        name: "Note".into(),
        field_type: FieldType::String,
        required: false,
        item_type: None,
        children: Vec::new(),
    });
    form.url_template
        .push_str(if form.url_template.contains('?') {
            "&note=${input.Note}"
        } else {
            "?note=${input.Note}"
        });

    for (code, expected) in [
        ("lint.no-page-size", FormFix::PageSize),
        (
            "lint.undefined-variable",
            FormFix::Rename {
                from: "Presences".into(),
                to: "Presence".into(),
            },
        ),
        (
            "lint.optional-input-formal",
            FormFix::Quiet {
                reference: "${input.Note}".into(),
                field: "urlTemplate".into(),
            },
        ),
    ] {
        let problems = check(&form);
        let found = finding(&problems, code).unwrap_or_else(|| panic!("{code} in {problems:?}"));
        assert_eq!(found.fix.as_ref(), Some(&expected), "{code}");
        let fixed = apply_fix(&form, &expected);
        assert!(
            finding(&check(&fixed), code).is_none(),
            "{code} still there after its fix: {fixed:?}"
        );
        assert_eq!(
            (fixed.inputs.len(), &fixed.translation),
            (form.inputs.len(), &form.translation)
        );
        form = fixed;
    }
    // The quiet reference still goes into the query unescaped: that fix comes next.
    let problems = check(&form);
    let escape = finding(&problems, "lint.unescaped-url-input")
        .and_then(|p| p.fix.clone())
        .expect("an escape fix");
    let fixed = apply_fix(&form, &escape);
    assert!(
        finding(&check(&fixed), "lint.unescaped-url-input").is_none(),
        "{}",
        fixed.url_template
    );
    assert!(
        fixed.url_template.contains("$esc.url($input.Note)"),
        "{}",
        fixed.url_template
    );
}
