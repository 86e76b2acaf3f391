//! Convergence on real SQLCipher files: two laptops write, edit and delete shared entries while
//! what they send each other arrives late, out of order and more than once, with their clocks up
//! to a day apart. Once everything has crossed, both vaults hold the same rows and the same
//! revisions.

mod common;

use common::*;
use hearth_core::journal::store as journal;
use hearth_core::journal::types::EntryDraft;
use hearth_core::sync::ops::Op;
use hearth_core::sync::store;
use hearth_core::vault::{Partner, Session, Space, Vault};
use proptest::prelude::*;

const START_MS: u64 = 1_800_000_000_000;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

struct Laptop {
    _dir: tempfile::TempDir,
    vault: Vault,
    skew: i64,
    /// Batches sent by this laptop, which the other may receive in any order, more than once.
    sent: Vec<Vec<Op>>,
}

impl Laptop {
    fn new(skew: i64) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let vault = set_up_syncing(dir.path());
        Self {
            _dir: dir,
            vault,
            skew,
            sent: Vec::new(),
        }
    }

    fn session(&self) -> &Session {
        self.vault.session().unwrap()
    }

    fn wall(&self, now: u64) -> u64 {
        now.saturating_add_signed(self.skew)
    }

    fn shared_ids(&self) -> Vec<i64> {
        self.session()
            .conn()
            .prepare("SELECT id FROM main.entries ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn act(&mut self, action: &Action, now: u64) {
        let ids = self.shared_ids();
        let pick = |n: u8| ids.get(usize::from(n) % ids.len().max(1)).copied();
        let session = self.session();
        match *action {
            Action::Write(n) => {
                let draft = EntryDraft::plain(&format!("entry {n} at {now}"));
                journal::create(session, Space::Shared, Partner::A, &draft).unwrap();
            }
            Action::Edit(n, text) => {
                if let Some(id) = pick(n) {
                    let draft = EntryDraft::plain(&format!("edit {text} at {now}"));
                    journal::update(session, Space::Shared, id, &draft).unwrap();
                }
            }
            Action::Delete(n) => {
                if let Some(id) = pick(n) {
                    journal::delete(session, Space::Shared, id, chrono::Utc::now()).unwrap();
                    journal::erase_all_deleted(session).unwrap();
                }
            }
            Action::Send => {
                let ops = store::changes(session.conn(), self.wall(now)).unwrap();
                self.sent.push(ops);
            }
        }
    }

    fn receive(&mut self, ops: &[Op], now: u64) {
        let applied = store::apply(self.session().conn(), ops, self.wall(now)).unwrap();
        self.sent.push(applied.to_send);
    }
}

#[derive(Debug, Clone)]
enum Action {
    Write(u8),
    Edit(u8, u8),
    Delete(u8),
    Send,
}

#[derive(Debug, Clone)]
enum Step {
    /// One laptop (false: A, true: B) acts.
    On(bool, Action),
    /// One laptop receives one of the other's batches (picked by number), again or for the first time.
    Deliver(bool, u8),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => any::<u8>().prop_map(Action::Write),
        4 => (any::<u8>(), any::<u8>()).prop_map(|(n, t)| Action::Edit(n, t)),
        1 => any::<u8>().prop_map(Action::Delete),
        3 => Just(Action::Send),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => (any::<bool>(), action()).prop_map(|(b, a)| Step::On(b, a)),
        1 => (any::<bool>(), any::<u8>()).prop_map(|(b, n)| Step::Deliver(b, n)),
    ]
}

fn laptops(pair: &mut (Laptop, Laptop), b: bool) -> (&mut Laptop, &mut Laptop) {
    if b {
        (&mut pair.1, &mut pair.0)
    } else {
        (&mut pair.0, &mut pair.1)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn two_vaults_converge_whatever_the_delivery(
        steps in prop::collection::vec(step(), 1..40),
        skew_a in -DAY_MS..=DAY_MS,
        skew_b in -DAY_MS..=DAY_MS,
    ) {
        let mut pair = (Laptop::new(skew_a), Laptop::new(skew_b));
        let mut now = START_MS;
        for step in &steps {
            now += 1_000;
            match step {
                Step::On(b, action) => laptops(&mut pair, *b).0.act(action, now),
                Step::Deliver(b, n) => {
                    let (to, from) = laptops(&mut pair, *b);
                    if !from.sent.is_empty() {
                        let batch = from.sent[usize::from(*n) % from.sent.len()].clone();
                        to.receive(&batch, now);
                    }
                }
            }
        }
        // Everything crosses in the end, each batch once more, in order.
        for _ in 0..3 {
            now += 1_000;
            pair.0.act(&Action::Send, now);
            pair.1.act(&Action::Send, now);
            let (to_b, to_a) = (pair.0.sent.clone(), pair.1.sent.clone());
            for batch in &to_b {
                pair.1.receive(batch, now);
            }
            for batch in &to_a {
                pair.0.receive(batch, now);
            }
        }
        let (a, b) = (store::dump(pair.0.session().conn()).unwrap(), store::dump(pair.1.session().conn()).unwrap());
        prop_assert_eq!(a, b);
    }
}
