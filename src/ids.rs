//! Id and name sources: run ids are uuid4 hex, experiment ids follow MLflow's file-store recipe
//! (the last 18 decimal digits of a uuid4 integer, leading zeros replaced by random digits). A test
//! can seed them (`seed`, called once by the binary from a hidden env var): every id and generated
//! name then comes from one seeded generator, so a store and its output are the same on every run.
use std::sync::Mutex;

/// The seeded generator, when a test seeded one; unseeded ids use the system's randomness.
static SEEDED: Mutex<Option<fastrand::Rng>> = Mutex::new(None);

/// Makes every id and generated name from here on come from a generator seeded with `seed`.
pub fn seed(seed: u64) {
    *SEEDED.lock().unwrap_or_else(|e| e.into_inner()) = Some(fastrand::Rng::with_seed(seed));
}

/// A seed for another process drawn from the seeded generator (so its ids follow ours instead of
/// repeating them), or None when ids are not seeded.
pub fn child_seed() -> Option<u64> {
    let mut seeded = SEEDED.lock().unwrap_or_else(|e| e.into_inner());
    seeded.as_mut().map(|rng| rng.u64(..))
}

/// `f` applied to the seeded generator, or to a fresh randomly seeded one.
fn with_rng<T>(f: impl FnOnce(&mut fastrand::Rng) -> T) -> T {
    let mut seeded = SEEDED.lock().unwrap_or_else(|e| e.into_inner());
    match seeded.as_mut() {
        Some(rng) => f(rng),
        None => f(&mut fastrand::Rng::new()),
    }
}

/// A uuid4: from the system's randomness, or from the seeded generator.
fn uuid4() -> uuid::Uuid {
    match SEEDED.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        Some(rng) => uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes()).into_uuid(),
        None => uuid::Uuid::new_v4(),
    }
}

pub fn new_run_id() -> String {
    uuid4().simple().to_string()
}

/// A uuid4 as Python's `str(uuid.uuid4())` spells it (MLflow's input and dataset ids).
pub fn new_uuid() -> String {
    uuid4().hyphenated().to_string()
}

/// An MLflow 3 logged model id: `m-` and uuid4 hex.
pub fn new_model_id() -> String {
    format!("m-{}", uuid4().simple())
}

pub fn new_experiment_id() -> String {
    let n = uuid4().as_u128();
    let s = format!("{:018}", n % 1_000_000_000_000_000_000u128);
    let zeros = s.len() - s.trim_start_matches('0').len();
    let mut out = s.trim_start_matches('0').to_string();
    with_rng(|r| {
        for _ in 0..zeros {
            out.push(char::from(b'0' + r.u8(0..10)));
        }
    });
    // Going through an int strips any zeros the appended digits put back at the front.
    let trimmed = out.trim_start_matches('0');
    if trimmed.is_empty() {
        "1".into()
    } else {
        trimmed.to_string()
    }
}

const ADJECTIVES: &[&str] = &[
    "abundant",
    "able",
    "adorable",
    "agreeable",
    "amazing",
    "ambitious",
    "bedecked",
    "big",
    "bittersweet",
    "blushing",
    "bold",
    "brawny",
    "bright",
    "calm",
    "capable",
    "carefree",
    "casual",
    "charming",
    "clean",
    "classy",
    "clumsy",
    "colorful",
    "crawling",
    "dapper",
    "debonair",
    "delicate",
    "dashing",
    "efficient",
    "enchanting",
    "funny",
    "gaudy",
    "gentle",
    "glamorous",
    "gifted",
    "grandiose",
    "gregarious",
    "handsome",
    "hilarious",
    "honorable",
    "illustrious",
    "incongruous",
    "indecisive",
    "industrious",
    "intelligent",
    "inquisitive",
    "learned",
    "legendary",
    "likeable",
    "loud",
    "luminous",
    "luxuriant",
    "marvelous",
    "masked",
    "melodic",
    "merciful",
    "mercurial",
    "monumental",
    "mysterious",
    "nebulous",
    "nervous",
    "nimble",
    "nosy",
    "omniscient",
    "orderly",
    "overjoyed",
    "peaceful",
    "painted",
    "persistent",
    "placid",
    "polite",
    "popular",
    "powerful",
    "puzzled",
    "rambunctious",
    "rare",
    "rebellious",
    "respected",
    "resilient",
    "righteous",
    "receptive",
    "redolent",
    "resilient",
    "rogue",
    "rumbling",
    "salty",
    "sassy",
    "secretive",
    "selective",
    "sedate",
    "serious",
    "shivering",
    "skillful",
    "sincere",
    "skittish",
    "silent",
    "smiling",
    "sneaky",
    "sophisticated",
    "spiffy",
    "stately",
    "suave",
    "stylish",
    "tasteful",
    "thoughtful",
    "thundering",
    "traveling",
    "treasured",
    "trusting",
    "unequaled",
    "upset",
    "unique",
    "unleashed",
    "useful",
    "upbeat",
    "unruly",
    "valuable",
    "vaunted",
    "victorious",
    "welcoming",
    "whimsical",
    "wistful",
    "wise",
    "worried",
    "youthful",
    "zealous",
];

const NOUNS: &[&str] = &[
    "ant", "ape", "asp", "auk", "bass", "bat", "bear", "bee", "bird", "boar", "bug", "calf",
    "carp", "cat", "chimp", "cod", "colt", "conch", "cow", "crab", "crane", "croc", "crow", "cub",
    "deer", "doe", "dog", "dolphin", "donkey", "dove", "duck", "eel", "elk", "fawn", "finch",
    "fish", "flea", "fly", "foal", "fowl", "fox", "frog", "gnat", "gnu", "goat", "goose", "grouse",
    "grub", "gull", "hare", "hawk", "hen", "hog", "horse", "hound", "jay", "kit", "kite", "koi",
    "lamb", "lark", "loon", "lynx", "mare", "midge", "mink", "mole", "moose", "moth", "mouse",
    "mule", "newt", "owl", "ox", "panda", "penguin", "perch", "pig", "pug", "quail", "ram", "rat",
    "ray", "robin", "roo", "rook", "seal", "shad", "shark", "sheep", "shoat", "shrew", "shrike",
    "shrimp", "skink", "skunk", "sloth", "slug", "smelt", "snail", "snake", "snipe", "sow",
    "sponge", "squid", "squirrel", "stag", "steed", "stoat", "stork", "swan", "tern", "toad",
    "trout", "turtle", "vole", "wasp", "whale", "wolf", "worm", "wren", "yak", "zebra",
];

/// A random `<adjective>-<noun>-<0..1000>` run name, as MLflow generates when none is given.
pub fn new_run_name() -> String {
    with_rng(|r| {
        let adj = ADJECTIVES[r.usize(..ADJECTIVES.len())];
        let noun = NOUNS[r.usize(..NOUNS.len())];
        format!("{adj}-{noun}-{}", r.u16(0..1000))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_mlflow_shapes() {
        for _ in 0..200 {
            let r = new_run_id();
            assert_eq!(r.len(), 32);
            assert!(r
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
            let e = new_experiment_id();
            assert!(!e.starts_with('0') && e.len() <= 18 && e.bytes().all(|b| b.is_ascii_digit()));
            assert!(new_run_name().split('-').count() == 3);
        }
    }
}
