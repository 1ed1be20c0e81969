//! Running an action for real, as `POST …/draft/test`, `POST …/test` and `POST …/execute` do:
//! the test tool's ten steps in order, stopping at the first that fails. Tests answer the whole
//! `TestExecutionResult` (200 even when a step failed); execute answers the output itself, or
//! the failed step's error with its status.

mod auth;
mod remote;
mod request;
mod response;
mod trace;

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::Extension;
use serde_json::Value;

use super::errors::{refused, Problem};
use super::model::{ActionDefinition, Stage};
use super::permissions::{EXECUTE, EXECUTE_DRAFT};
use super::validation;
use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::faults::CorrelationId;
use crate::org::Org;
use crate::paging::Query;
use crate::resource::{found, ok};
use crate::store::Ctx;
use remote::Outgoing;
use trace::Trace;

/// Marks a request that a run's step 8 sent, with how many runs deep it is.
#[derive(Debug, Clone, Copy)]
pub struct ActionCall {
    pub depth: u8,
}

/// Actions may call actions (step 8 can reach `…/execute`), but an action that calls itself
/// must end: past this depth the Sandbox refuses (no source states a limit).
const MAX_DEPTH: u8 = 3;

/// `ActionConfig.timeoutSeconds` when the action sets none. No source states Genesys's default;
/// the Sandbox takes the largest allowed.
const DEFAULT_TIMEOUT_SECONDS: i64 = 60;

/// What a run needs from the org, copied out so no lock is held while it runs.
struct Plan {
    integration_id: String,
    def: ActionDefinition,
    problems: Vec<Problem>,
}

fn plan(org: &Org, id: &str, stage: Stage) -> Result<Plan, ApiError> {
    let record = found(org.action(id))?;
    let def = found(record.definition(stage))?.clone();
    Ok(Plan {
        integration_id: record.integration_id.clone(),
        problems: validation::problems(org, record, &def),
        def,
    })
}

/// Step `n`'s outcome, or the end of the run when it failed.
macro_rules! step {
    ($trace:expr, $n:expr, $outcome:expr) => {
        match $trace.step($n, $outcome) {
            Some(carried) => carried,
            None => return ($trace, None),
        }
    };
}

/// What a run route reads from its request besides the caller.
struct Asked {
    id: String,
    flatten: bool,
    depth: u8,
    context_id: String,
    body: Bytes,
}

impl Asked {
    /// The route's id, `flatten`, depth in actions calling actions (400 past [`MAX_DEPTH`]),
    /// correlation id and body.
    fn new(
        id: String,
        raw: Option<String>,
        call: Option<Extension<ActionCall>>,
        context: Option<Extension<CorrelationId>>,
        body: Bytes,
    ) -> Result<Asked, ApiError> {
        let depth = call.map_or(0, |Extension(c)| c.depth);
        if depth >= MAX_DEPTH {
            return Err(ApiError::bad_request(format!(
                "Data actions called data actions {MAX_DEPTH} deep: the Sandbox org runs no deeper."
            )));
        }
        Ok(Asked {
            id,
            flatten: Query::parse(raw.as_deref()).flag("flatten", false),
            depth,
            context_id: context.map(|Extension(c)| c.0).unwrap_or_default(),
            body,
        })
    }
}

/// The caller must hold one of `wanted`; then the run of the action's `stage` definition.
async fn started(
    ctx: &Ctx,
    caller: &Caller,
    asked: Asked,
    stage: Stage,
    wanted: &[&str],
) -> Result<(Trace, Option<Value>), ApiError> {
    let plan = ctx.read_as_any(caller, wanted, |org, _| plan(org, &asked.id, stage))?;
    Ok(run(ctx, plan, &asked).await)
}

async fn run(ctx: &Ctx, plan: Plan, asked: &Asked) -> (Trace, Option<Value>) {
    let (body, flatten, depth) = (&asked.body[..], asked.flatten, asked.depth);
    let mut trace = Trace::new(asked.context_id.clone());
    let config = &plan.def.config;
    let inputs = step!(trace, 1, request::simple_json(body));
    let definition = match plan.problems.as_slice() {
        [] => Ok(((), serde_json::json!({ "valid": true }))),
        problems => Err(refused("The action's definition is not valid", problems)),
    };
    step!(trace, 2, definition);
    step!(
        trace,
        3,
        request::against_input_schema(&plan.def.contract.input_schema, &inputs)
    );
    let token = step!(trace, 4, auth::authenticate(ctx, &plan.integration_id));
    let url = step!(trace, 5, request::url(config, &inputs));
    let headers = step!(trace, 6, request::headers(config, &inputs));
    let body = step!(trace, 7, request::body(config, &inputs));
    let seconds = config
        .timeout_seconds
        .unwrap_or(DEFAULT_TIMEOUT_SECONDS)
        .clamp(1, 60);
    let outgoing = Outgoing {
        method: config.request.request_type.as_deref().unwrap_or("GET"),
        url: &url,
        headers: &headers,
        body: &body,
        bearer: token.bearer(),
        timeout: Duration::from_secs(seconds.unsigned_abs()),
        depth,
    };
    let answered = remote::execute(ctx, outgoing).await;
    drop(token);
    let answer = step!(trace, 8, answered);
    let defaults = ctx.variant().non_json_default;
    let translated = step!(trace, 9, response::translate(config, &answer, defaults));
    let schema = &plan.def.contract.success_schema;
    let output = step!(
        trace,
        10,
        response::transform(config, &translated, &answer, schema, flatten)
    );
    (trace, Some(output))
}

/// `POST /api/v2/integrations/actions/{actionId}/draft/test?flatten=`: the whole record of the
/// run, 200 whether or not a step failed.
pub async fn test_draft(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    call: Option<Extension<ActionCall>>,
    context: Option<Extension<CorrelationId>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let asked = Asked::new(id, raw, call, context, body)?;
    let (trace, output) = started(&ctx, &caller, asked, Stage::Draft, EXECUTE_DRAFT).await?;
    Ok(ok(trace.test_result(output.as_ref())))
}

/// `POST /api/v2/integrations/actions/{actionId}/test?flatten=`: as the draft's test, for the
/// published action.
pub async fn test_published(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    call: Option<Extension<ActionCall>>,
    context: Option<Extension<CorrelationId>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let asked = Asked::new(id, raw, call, context, body)?;
    let (trace, output) = started(&ctx, &caller, asked, Stage::Published, EXECUTE).await?;
    Ok(ok(trace.test_result(output.as_ref())))
}

/// `POST /api/v2/integrations/actions/{actionId}/execute?flatten=`: the output, or the failed
/// step's error (400 `no.results`, `too.many.results`, `invalid.schema`, 500
/// `invalid.substitution`, as platform-client-sdk-javascript swagger.json lists them, and the
/// other steps' errors).
pub async fn execute(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    call: Option<Extension<ActionCall>>,
    context: Option<Extension<CorrelationId>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let asked = Asked::new(id, raw, call, context, body)?;
    let (trace, output) = started(&ctx, &caller, asked, Stage::Published, EXECUTE).await?;
    match output {
        Some(output) => Ok(ok(output)),
        None => Err(trace.failure().unwrap_or_else(ApiError::internal)),
    }
}
