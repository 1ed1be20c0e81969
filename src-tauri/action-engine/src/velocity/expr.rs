//! Expressions inside `#set(...)`, `#if(...)` and method arguments: literals, references,
//! lists and ranges, `! && || == != < > <= >= + - * / %` and their word forms (`and`, `eq`, ...).

use super::ast::{BinOp, Expr};
use super::parse::{is_ident_start, Parser};
use super::value::Value;
use crate::error::EngineError;

impl<'a> Parser<'a> {
    pub fn skip_ws(&mut self) {
        while matches!(self.byte(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        let ok = self.rest().starts_with(token);
        if ok {
            self.pos += token.len();
        }
        ok
    }

    /// Eats `word` when it stands alone (not the start of a longer name).
    pub fn eat_word(&mut self, word: &str) -> bool {
        self.skip_ws();
        if self.ident_at(self.pos) == Some(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// Comma-separated expressions up to `close`, which is consumed.
    pub fn arguments(&mut self, close: u8) -> Result<Vec<Expr>, EngineError> {
        let start = self.pos;
        let mut args = Vec::new();
        self.skip_ws();
        if self.byte(self.pos) == Some(close) {
            self.pos += 1;
            return Ok(args);
        }
        loop {
            args.push(self.expr()?);
            self.skip_ws();
            match self.byte(self.pos) {
                Some(b',') => self.pos += 1,
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok(args);
                }
                _ => {
                    return Err(self.error(
                        start,
                        format!(
                            "an argument list is never closed with '{}'",
                            char::from(close)
                        ),
                    ))
                }
            }
        }
    }

    pub fn expr(&mut self) -> Result<Expr, EngineError> {
        self.enter(self.pos)?;
        let result = self.or();
        self.depth -= 1;
        result
    }

    fn binary(
        &mut self,
        ops: &[(&str, BinOp)],
        next: fn(&mut Self) -> Result<Expr, EngineError>,
    ) -> Result<Expr, EngineError> {
        let mut left = next(self)?;
        'outer: loop {
            for (token, op) in ops {
                let before = self.pos;
                let matched = if token.as_bytes()[0].is_ascii_alphabetic() {
                    self.eat_word(token)
                } else {
                    self.eat(token)
                };
                // `<` must not take the first half of `<=`, nor `!` the first half of `!=`.
                if matched
                    && ["=", "|", "&"].iter().any(|t| self.rest().starts_with(t))
                    && token.len() == 1
                {
                    self.pos = before;
                    continue;
                }
                if matched {
                    let right = next(self)?;
                    left = Expr::Binary(*op, Box::new(left), Box::new(right));
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    fn or(&mut self) -> Result<Expr, EngineError> {
        self.binary(&[("||", BinOp::Or), ("or", BinOp::Or)], Self::and)
    }

    fn and(&mut self) -> Result<Expr, EngineError> {
        self.binary(&[("&&", BinOp::And), ("and", BinOp::And)], Self::not)
    }

    fn not(&mut self) -> Result<Expr, EngineError> {
        self.skip_ws();
        let bang = self.rest().starts_with('!') && !self.rest().starts_with("!=");
        if bang || self.eat_word("not") {
            if bang {
                self.pos += 1;
            }
            self.enter(self.pos)?;
            let inner = self.not();
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner?)));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Expr, EngineError> {
        use BinOp::*;
        let ops = [
            ("==", Eq),
            ("!=", Ne),
            ("<=", Le),
            (">=", Ge),
            ("<", Lt),
            (">", Gt),
        ];
        let words = [
            ("eq", Eq),
            ("ne", Ne),
            ("le", Le),
            ("ge", Ge),
            ("lt", Lt),
            ("gt", Gt),
        ];
        let all: Vec<(&str, BinOp)> = ops.into_iter().chain(words).collect();
        self.binary(&all, Self::sum)
    }

    fn sum(&mut self) -> Result<Expr, EngineError> {
        self.binary(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::product)
    }

    fn product(&mut self) -> Result<Expr, EngineError> {
        self.binary(
            &[("*", BinOp::Mul), ("/", BinOp::Div), ("%", BinOp::Mod)],
            Self::unary,
        )
    }

    fn unary(&mut self) -> Result<Expr, EngineError> {
        self.skip_ws();
        if self.byte(self.pos) == Some(b'-')
            && !self.byte(self.pos + 1).is_some_and(|c| c.is_ascii_digit())
        {
            self.pos += 1;
            self.enter(self.pos)?;
            let inner = self.unary();
            self.depth -= 1;
            return Ok(Expr::Neg(Box::new(inner?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, EngineError> {
        self.skip_ws();
        let start = self.pos;
        match self.byte(start) {
            Some(b'(') => {
                self.pos += 1;
                let inner = self.expr()?;
                if !self.eat(")") {
                    return Err(self.error(start, "a '(' is never closed with ')'"));
                }
                Ok(inner)
            }
            Some(q @ (b'"' | b'\'')) => self.string(start, q),
            Some(b'[') => {
                self.pos += 1;
                self.skip_ws();
                if self.byte(self.pos) == Some(b']') {
                    self.pos += 1;
                    return Ok(Expr::List(Vec::new()));
                }
                let first = self.expr()?;
                if self.eat("..") {
                    let last = self.expr()?;
                    if !self.eat("]") {
                        return Err(self.error(start, "a range `[a..b]` is never closed with ']'"));
                    }
                    return Ok(Expr::Range(Box::new(first), Box::new(last)));
                }
                let mut items = vec![first];
                if self.eat(",") {
                    items.extend(self.arguments(b']')?);
                } else if !self.eat("]") {
                    return Err(self.error(start, "a list `[...]` is never closed with ']'"));
                }
                Ok(Expr::List(items))
            }
            Some(b'$') => match self.reference()? {
                Some(r) => Ok(Expr::Ref(r)),
                None => Err(self.error(start, "a `$` that starts no reference")),
            },
            Some(c) if c.is_ascii_digit() || c == b'-' => self.number(start),
            Some(c) if is_ident_start(c) => {
                for (word, value) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ] {
                    if self.eat_word(word) {
                        return Ok(Expr::Literal(value));
                    }
                }
                Err(self.error(
                    start,
                    format!(
                        "`{}` is not a value (a $reference needs its `$`)",
                        self.ident_at(start).unwrap_or("")
                    ),
                ))
            }
            _ => Err(self.error(start, "an expression is missing here")),
        }
    }

    /// `'...'` is literal; `"..."` is interpolated, as a template of its own. Either ends at the
    /// first matching quote (Velocity 1.7 string literals have no escapes).
    fn string(&mut self, start: usize, quote: u8) -> Result<Expr, EngineError> {
        let body = start + 1;
        let close = self.src[body..self.end]
            .find(char::from(quote))
            .map(|k| body + k);
        let close = close.ok_or_else(|| self.error(start, "a string literal is never closed"))?;
        self.pos = close + 1;
        let content = &self.src[body..close];
        if quote == b'\'' || !content.contains(['$', '#', '\\']) {
            return Ok(Expr::Literal(Value::Str(content.to_string())));
        }
        let mut inner = Parser {
            src: self.src,
            pos: body,
            end: close,
            gobble: false,
            depth: self.depth,
        };
        inner.enter(body)?;
        let (nodes, _) = inner.nodes(&[])?;
        Ok(Expr::Interpolated(nodes))
    }

    fn number(&mut self, start: usize) -> Result<Expr, EngineError> {
        let mut p = start + usize::from(self.byte(start) == Some(b'-'));
        while self.byte(p).is_some_and(|c| c.is_ascii_digit()) {
            p += 1;
        }
        let fraction =
            self.byte(p) == Some(b'.') && self.byte(p + 1).is_some_and(|c| c.is_ascii_digit());
        if fraction {
            p += 1;
            while self.byte(p).is_some_and(|c| c.is_ascii_digit()) {
                p += 1;
            }
        }
        let text = &self.src[start..p];
        self.pos = p;
        let value = if fraction {
            text.parse().ok().map(Value::Float)
        } else {
            text.parse().ok().map(Value::Int)
        };
        value
            .map(Expr::Literal)
            .ok_or_else(|| self.error(start, format!("`{text}` is not a number")))
    }
}
