//! Stage 5, prune: what an earlier run wrote and this one did not is removed.

use crate::plan::Plan;
use crate::state::Entry;
use crate::write::{output_of, remove_output};
use crate::{Report, Run};

/// Removes the files of a story or a section gone, of a story page moved to another
/// section, or of one that could not be rendered this time.
pub fn prune(run: &Run, plan: &Plan, report: &mut Report) {
    let mut stale: Vec<String> = run
        .previous
        .outputs
        .keys()
        .filter(|p| !plan.outputs.contains_key(*p))
        .cloned()
        .collect();
    // A story's card goes with its page.
    let mut stale_story = |entry: &Entry| {
        for path in [entry.page_path(), entry.card_path()].into_iter().flatten() {
            stale.push(output_of(&path));
        }
    };
    for old in &run.previous.articles {
        let Some(path) = old.known.page.and_then(|_| old.page_path()) else {
            continue;
        };
        let kept = run.state.find(old.edition, &old.slug).is_some_and(|i| {
            plan.written(i) && run.state.articles[i].page_path().as_ref() == Some(&path)
        });
        if !kept {
            stale_story(old);
        }
    }
    for (i, entry) in run.state.articles.iter().enumerate() {
        if entry.known.page.is_some() && !plan.written(i) {
            stale_story(entry);
        }
    }
    for path in stale {
        remove_output(run.site.dist, &path, report);
    }
}
