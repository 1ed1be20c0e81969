//! Parses template text: `$` references, `#set/#if/#elseif/#else/#end/#foreach`, comments,
//! `#[[ ]]#` literals and `\` escapes. Directives alone on a line take their line with them
//! (Velocity 2.x "lines" space gobbling).

use super::ast::{Node, Part, Reference};
use super::directive::Found;
use crate::error::{line_column, EngineError, ErrorKind};

/// How deep `#if`/`#foreach` blocks, parentheses and nested calls may go before the parser stops
/// (so a hostile template cannot exhaust the stack).
pub(crate) const MAX_DEPTH: usize = 48;

pub(crate) struct Parser<'a> {
    pub src: &'a str,
    pub pos: usize,
    pub end: usize,
    pub gobble: bool,
    pub depth: usize,
}

pub(crate) fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str) -> Self {
        Parser {
            src,
            pos: 0,
            end: src.len(),
            gobble: true,
            depth: 0,
        }
    }

    pub fn error(&self, at: usize, message: impl Into<String>) -> EngineError {
        let (line, column) = line_column(self.src, at);
        EngineError::at(ErrorKind::TemplateSyntax, message, line, column)
    }

    pub fn byte(&self, at: usize) -> Option<u8> {
        (at < self.end).then(|| self.src.as_bytes()[at])
    }

    pub fn rest(&self) -> &'a str {
        self.src.get(self.pos..self.end).unwrap_or("")
    }

    pub fn ident_at(&self, at: usize) -> Option<&'a str> {
        if !self.byte(at).is_some_and(is_ident_start) {
            return None;
        }
        let mut end = at + 1;
        while self
            .byte(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            end += 1;
        }
        Some(&self.src[at..end])
    }

    pub fn enter(&mut self, at: usize) -> Result<(), EngineError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(
                at,
                format!("the template nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    /// Parses nodes until the end or one of the block directives in `until`; returns the one found.
    pub fn nodes(&mut self, until: &[&str]) -> Result<(Vec<Node>, Option<Found<'a>>), EngineError> {
        let mut nodes = Vec::new();
        let mut text = String::new();
        while self.pos < self.end {
            let rest = self.rest();
            let Some(skip) = rest.find(['$', '#', '\\']) else {
                text.push_str(rest);
                self.pos = self.end;
                break;
            };
            text.push_str(&rest[..skip]);
            self.pos += skip;
            let at = self.pos;
            match self.byte(at) {
                Some(b'\\') => self.escapes(&mut text),
                Some(b'$') => match self.reference()? {
                    Some(r) => {
                        flush(&mut text, &mut nodes);
                        nodes.push(Node::Ref(r));
                    }
                    None => {
                        text.push('$');
                        self.pos += 1;
                    }
                },
                _ => {
                    if let Some(found) = self.hash(&mut text, &mut nodes, until)? {
                        flush(&mut text, &mut nodes);
                        return Ok((nodes, Some(found)));
                    }
                }
            }
        }
        flush(&mut text, &mut nodes);
        Ok((nodes, None))
    }

    /// `\$x` prints `$x`; `\\$x` prints `\` and the value: each pair of backslashes is one.
    fn escapes(&mut self, text: &mut String) {
        let run = self.rest().bytes().take_while(|b| *b == b'\\').count();
        let next = self.byte(self.pos + run);
        if !matches!(next, Some(b'$' | b'#')) {
            text.push_str(&"\\".repeat(run));
            self.pos += run;
            return;
        }
        text.push_str(&"\\".repeat(run / 2));
        self.pos += run;
        if run % 2 == 1 {
            text.push(char::from(next.unwrap_or(b'$')));
            self.pos += 1;
        }
    }

    /// A `$` reference at `pos`, or `None` (and `pos` unchanged) when `$` starts none.
    pub fn reference(&mut self) -> Result<Option<Reference>, EngineError> {
        let start = self.pos;
        let mut p = start + 1;
        let quiet = self.byte(p) == Some(b'!');
        if quiet {
            p += 1;
        }
        let formal = self.byte(p) == Some(b'{');
        if formal {
            p += 1;
        }
        let Some(root) = self.ident_at(p) else {
            return Ok(None);
        };
        p += root.len();
        let mut parts = Vec::new();
        while self.byte(p) == Some(b'.') {
            let Some(name) = self.ident_at(p + 1) else {
                break;
            };
            p += 1 + name.len();
            if self.byte(p) == Some(b'(') {
                self.pos = p + 1;
                self.enter(p)?;
                let args = self.arguments(b')')?;
                self.depth -= 1;
                p = self.pos;
                parts.push(Part::Call(name.to_string(), args));
            } else {
                parts.push(Part::Property(name.to_string()));
            }
        }
        if formal {
            if self.byte(p) != Some(b'}') {
                return Err(self.error(
                    start,
                    format!("`{}` opens '{{' and never closes it", &self.src[start..p]),
                ));
            }
            p += 1;
        }
        self.pos = p;
        Ok(Some(Reference {
            quiet,
            root: root.to_string(),
            parts,
            start,
            end: p,
        }))
    }

    /// When a directive spanning `start..pos` is alone on its line, drops the line's indentation
    /// (the end of `text`) and its line break.
    pub fn gobble_line(&mut self, start: usize, text: &mut String) {
        if !self.gobble {
            return;
        }
        let line_start = self.src[..start].rfind('\n').map_or(0, |i| i + 1);
        let indent = &self.src[line_start..start];
        if !indent.bytes().all(|b| b == b' ' || b == b'\t') || !text.ends_with(indent) {
            return;
        }
        let after = self.rest();
        let blank = after
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
            .count();
        let line_break = after[blank..].starts_with('\n');
        if line_break || blank == after.len() {
            text.truncate(text.len() - indent.len());
            self.pos += blank + usize::from(line_break);
        }
    }
}

pub(crate) fn flush(text: &mut String, nodes: &mut Vec<Node>) {
    if !text.is_empty() {
        nodes.push(Node::Text(std::mem::take(text)));
    }
}
