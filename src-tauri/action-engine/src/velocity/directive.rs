//! The `#` constructs: comments, `#[[ ]]#`, `#set`, `#if/#elseif/#else/#end` and `#foreach`.
//! A `#` that starts none of them is text, as in Velocity.

use super::ast::{Expr, Node};
use super::parse::{flush, Parser};
use crate::error::EngineError;

/// A block directive that ends the body being parsed, with its offset and (`#elseif`) condition.
pub(crate) type Found<'a> = (&'a str, usize, Option<Expr>);

impl<'a> Parser<'a> {
    pub fn hash(
        &mut self,
        text: &mut String,
        nodes: &mut Vec<Node>,
        until: &[&str],
    ) -> Result<Option<Found<'a>>, EngineError> {
        let start = self.pos;
        let rest = self.rest();
        if rest.starts_with("##") {
            // A line comment ends with its line break, which it takes with it (Velocity user guide, "Comments").
            self.pos += rest.find('\n').map_or(rest.len(), |k| k + 1);
            return Ok(None);
        }
        if let Some(body) = rest.strip_prefix("#*") {
            let close = body
                .find("*#")
                .ok_or_else(|| self.error(start, "a `#*` comment is never closed with `*#`"))?;
            self.pos += 2 + close + 2;
            self.gobble_line(start, text);
            return Ok(None);
        }
        if let Some(body) = rest.strip_prefix("#[[") {
            let close = body
                .find("]]#")
                .ok_or_else(|| self.error(start, "a `#[[` literal is never closed with `]]#`"))?;
            text.push_str(&body[..close]);
            self.pos += 3 + close + 3;
            return Ok(None);
        }
        let braced = self.byte(start + 1) == Some(b'{');
        let name_at = start + 1 + usize::from(braced);
        let name = self.ident_at(name_at).unwrap_or("");
        let mut p = name_at + name.len();
        if braced && self.byte(p) == Some(b'}') {
            p += 1;
        } else if braced {
            p = 0;
        }
        let known = matches!(name, "set" | "if" | "elseif" | "else" | "end" | "foreach");
        if !known || p == 0 {
            text.push('#');
            self.pos += 1;
            return Ok(None);
        }
        self.pos = p;
        match name {
            "else" | "end" | "elseif" => {
                if !until.contains(&name) {
                    return Err(
                        self.error(start, format!("`#{name}` without an open #if or #foreach"))
                    );
                }
                let cond = if name == "elseif" {
                    Some(self.condition(start, name)?)
                } else {
                    None
                };
                self.gobble_line(start, text);
                Ok(Some((name, start, cond)))
            }
            "set" => {
                self.open(start, name)?;
                self.skip_ws();
                let target = self
                    .reference()?
                    .ok_or_else(|| self.error(start, "#set needs a $reference to set"))?;
                self.skip_ws();
                if self.byte(self.pos) != Some(b'=') {
                    return Err(self.error(start, "#set needs `=` after its $reference"));
                }
                self.pos += 1;
                let value = self.expr()?;
                self.close(start, name)?;
                self.gobble_line(start, text);
                flush(text, nodes);
                nodes.push(Node::Set(target, value));
                Ok(None)
            }
            "if" => {
                let mut cond = self.condition(start, name)?;
                self.gobble_line(start, text);
                flush(text, nodes);
                self.enter(start)?;
                let mut branches = Vec::new();
                let mut otherwise = None;
                loop {
                    let (body, found) = self.nodes(&["elseif", "else", "end"])?;
                    match found {
                        Some(("elseif", _, Some(next))) => {
                            branches.push((std::mem::replace(&mut cond, next), body))
                        }
                        Some(("else", _, _)) => {
                            branches.push((cond, body));
                            let (body, found) = self.nodes(&["end"])?;
                            self.expect_end(start, "#if", found.is_some())?;
                            otherwise = Some(body);
                            break;
                        }
                        Some(_) => {
                            branches.push((cond, body));
                            break;
                        }
                        None => return Err(self.unclosed(start, "#if")),
                    }
                }
                self.depth -= 1;
                nodes.push(Node::If(branches, otherwise));
                Ok(None)
            }
            _ => {
                self.open(start, name)?;
                self.skip_ws();
                let var = self.reference()?.filter(|r| r.parts.is_empty());
                let var =
                    var.ok_or_else(|| self.error(start, "#foreach needs a plain $variable"))?;
                self.skip_ws();
                if !self.eat_word("in") {
                    return Err(self.error(start, "#foreach needs `in` after its $variable"));
                }
                let list = self.expr()?;
                self.close(start, name)?;
                self.gobble_line(start, text);
                flush(text, nodes);
                self.enter(start)?;
                let (body, found) = self.nodes(&["end"])?;
                self.expect_end(start, "#foreach", found.is_some())?;
                self.depth -= 1;
                nodes.push(Node::Foreach(var.root, list, body));
                Ok(None)
            }
        }
    }

    fn unclosed(&self, start: usize, what: &str) -> EngineError {
        self.error(start, format!("this {what} is never closed with #end"))
    }

    fn expect_end(&self, start: usize, what: &str, found: bool) -> Result<(), EngineError> {
        if found {
            Ok(())
        } else {
            Err(self.unclosed(start, what))
        }
    }

    fn open(&mut self, start: usize, name: &str) -> Result<(), EngineError> {
        self.skip_ws();
        if self.byte(self.pos) != Some(b'(') {
            return Err(self.error(start, format!("#{name} needs '(' after it")));
        }
        self.pos += 1;
        Ok(())
    }

    fn close(&mut self, start: usize, name: &str) -> Result<(), EngineError> {
        self.skip_ws();
        if self.byte(self.pos) != Some(b')') {
            return Err(self.error(start, format!("#{name}( is never closed with ')'")));
        }
        self.pos += 1;
        Ok(())
    }

    fn condition(&mut self, start: usize, name: &str) -> Result<Expr, EngineError> {
        self.open(start, name)?;
        let cond = self.expr()?;
        self.close(start, name)?;
        Ok(cond)
    }
}
