//! The parsed shape of a Velocity template: text, references, directives and expressions.

use super::value::Value;

/// `$root.part.part(...)`, with its byte span in the template for literal rendering and positions.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    pub quiet: bool,
    pub root: String,
    pub parts: Vec<Part>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum Part {
    Property(String),
    Call(String, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

#[derive(Debug, Clone)]
pub(crate) enum Expr {
    Ref(Reference),
    Literal(Value),
    /// A double-quoted string: a small template of its own.
    Interpolated(Vec<Node>),
    List(Vec<Expr>),
    Range(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone)]
pub(crate) enum Node {
    Text(String),
    Ref(Reference),
    Set(Reference, Expr),
    If(Vec<(Expr, Vec<Node>)>, Option<Vec<Node>>),
    Foreach(String, Expr, Vec<Node>),
}
