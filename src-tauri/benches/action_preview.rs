//! The offline preview's latency per keystroke: the whole ten-step preview of the workshop's
//! action over a sample queue of 25 members, and over a sample response of about 1 MB (2,300
//! members), each run many times after a warm-up; prints median, p95 and max. Goal: p95 under
//! one frame (16 ms) for the workshop action. `cargo bench --bench action_preview`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::json;
use studio::actions::{preset, preview::preview};
use studio::wire::preview::PreviewRequest;

/// A queue-members answer with `count` members, each with a presence, as the endpoint answers.
fn members(count: usize) -> String {
    let entities: Vec<_> = (0..count)
        .map(|n| {
            json!({
                "id": format!("00000000-0000-4000-8000-{n:012}"),
                "name": format!("Member number {n}"),
                "ringNumber": 1,
                "joined": true,
                "memberBy": "user",
                "routingStatus": { "status": "IDLE", "startTime": "2026-12-01T09:00:00.000Z" },
                "user": {
                    "id": format!("10000000-0000-4000-8000-{n:012}"),
                    "name": format!("Member number {n}"),
                    "presence": { "presenceDefinition": { "id": "6a3af858-942f-489d-9700-5f9bcdcdae9b", "systemPresence": "Available" } },
                    "selfUri": format!("/api/v2/users/10000000-0000-4000-8000-{n:012}")
                }
            })
        })
        .collect();
    json!({ "entities": entities, "pageSize": count, "pageNumber": 1, "total": count, "pageCount": 1 }).to_string()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn measure(what: &str, sample: String, runs: usize) {
    let form = preset::queue_presences("Get queue presences", "i-1", "Data Actions");
    let values = BTreeMap::from([("QueueID".to_string(), "q-1".to_string())]);
    let mut request = PreviewRequest {
        form,
        sample,
        values,
    };
    let bytes = request.sample.len();
    for _ in 0..3 {
        preview(&request);
    }
    let mut times = Vec::with_capacity(runs);
    for n in 0..runs {
        // A keystroke: the success template changes a little each time.
        request.form.success_template =
            format!("{{\"Presences\" : $Presence}}{}", " ".repeat(n % 3));
        let start = Instant::now();
        let out = preview(&request);
        times.push(start.elapsed());
        assert!(out.output.is_some(), "the preview passed step 10");
    }
    times.sort();
    println!(
        "{what:<40} {:>9} bytes  median {:>8.2?}  p95 {:>8.2?}  max {:>8.2?}  ({runs} runs)",
        bytes,
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );
}

fn main() {
    println!("\nOffline preview, per keystroke (the whole ten steps):");
    measure("workshop action, 25 members", members(25), 500);
    measure("workshop action, ~1 MB sample", members(2_300), 60);
}
