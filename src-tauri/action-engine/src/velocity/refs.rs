//! Every reference a template makes, in every branch (taken or not): which variable, the
//! property chain after it, whether it is quiet (`$!`) and whether it sits inside a call of an
//! escaping tool (`$esc.url(...)`, `$urlTool.optionalQueryParam(...)`), with its position; and
//! the names the template sets itself (`#set`, `#foreach`). The lints read templates this way.

use std::collections::BTreeSet;

use super::ast::{Expr, Node, Part, Reference};
use super::Template;
use crate::error::line_column;

/// The tools whose calls make their arguments safe for a URL or a JSON body.
const ESCAPING_TOOLS: &[&str] = &["esc", "urlTool"];

/// One reference, e.g. `${input.QueueID}`: root `input`, properties `["QueueID"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefUse {
    pub root: String,
    /// Its source text, e.g. `${input.QueueID}`.
    pub text: String,
    /// The leading property names (calls end the chain).
    pub properties: Vec<String>,
    pub quiet: bool,
    /// Inside the arguments of an escaping tool's call, or itself such a call's result.
    pub escaped: bool,
    /// Inside the arguments of any call (`firstFromArray(...)`, `$esc.url(...)`...).
    pub in_call: bool,
    pub line: usize,
    pub column: usize,
}

/// What a template refers to and what it sets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    pub uses: Vec<RefUse>,
    pub set: BTreeSet<String>,
}

struct Walker<'a> {
    src: &'a str,
    out: References,
}

impl Walker<'_> {
    fn reference(&mut self, r: &Reference, escaped: bool, in_call: bool) {
        let (line, column) = line_column(self.src, r.start);
        let properties = r
            .parts
            .iter()
            .map_while(|p| match p {
                Part::Property(name) => Some(name.clone()),
                Part::Call(..) => None,
            })
            .collect();
        let escaping = ESCAPING_TOOLS.contains(&r.root.as_str());
        self.out.uses.push(RefUse {
            root: r.root.clone(),
            text: self.src.get(r.start..r.end).unwrap_or_default().to_owned(),
            properties,
            quiet: r.quiet,
            escaped: escaped || escaping,
            in_call,
            line,
            column,
        });
        for part in &r.parts {
            if let Part::Call(_, args) = part {
                for arg in args {
                    self.expr(arg, escaped || escaping, true);
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr, escaped: bool, in_call: bool) {
        match e {
            Expr::Ref(r) => self.reference(r, escaped, in_call),
            Expr::Literal(_) => {}
            Expr::Interpolated(nodes) => self.nodes(nodes, escaped, in_call),
            Expr::List(items) => items.iter().for_each(|i| self.expr(i, escaped, in_call)),
            Expr::Range(a, b) | Expr::Binary(_, a, b) => {
                self.expr(a, escaped, in_call);
                self.expr(b, escaped, in_call);
            }
            Expr::Not(a) | Expr::Neg(a) => self.expr(a, escaped, in_call),
        }
    }

    fn nodes(&mut self, nodes: &[Node], escaped: bool, in_call: bool) {
        for node in nodes {
            match node {
                Node::Text(_) => {}
                Node::Ref(r) => self.reference(r, escaped, in_call),
                Node::Set(target, value) => {
                    self.out.set.insert(target.root.clone());
                    self.expr(value, escaped, in_call);
                }
                Node::If(branches, otherwise) => {
                    for (cond, body) in branches {
                        self.expr(cond, escaped, in_call);
                        self.nodes(body, escaped, in_call);
                    }
                    if let Some(body) = otherwise {
                        self.nodes(body, escaped, in_call);
                    }
                }
                Node::Foreach(name, list, body) => {
                    self.out.set.insert(name.clone());
                    self.expr(list, escaped, in_call);
                    self.nodes(body, escaped, in_call);
                }
            }
        }
    }
}

impl Template {
    /// Every reference in the template, in source order of the walk, and every name it sets.
    pub fn references(&self) -> References {
        let mut walker = Walker {
            src: &self.source,
            out: References::default(),
        };
        walker.nodes(&self.nodes, false, false);
        walker.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_in_every_branch_with_their_escaping_and_place() {
        let t = Template::parse(
            "#set($n = 1)#if($x)${input.Q}#else$esc.url(${input.Name})#end\n#foreach($i in $list)$!i#end",
        )
        .unwrap();
        let refs = t.references();
        let roots: Vec<(&str, bool)> = refs
            .uses
            .iter()
            .map(|u| (u.root.as_str(), u.escaped))
            .collect();
        assert_eq!(
            roots,
            [
                ("x", false),
                ("input", false),
                ("esc", true),
                ("input", true),
                ("list", false),
                ("i", false)
            ]
        );
        assert_eq!(refs.uses[1].properties, ["Q"]);
        assert!(refs.uses[3].in_call);
        assert!(refs.uses[5].quiet);
        assert_eq!((refs.uses[4].line, refs.uses[4].column), (2, 16));
        assert_eq!(refs.set, BTreeSet::from(["n".to_string(), "i".to_string()]));
    }
}
