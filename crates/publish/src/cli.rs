//! What the three programs (`prerender`, `search-index`, `demo-gen`) share on their
//! command line: `--name value` options (or `--name=value`), `--help` printing the
//! program's usage, and a wrong option answered with one line and exit status 2.

use std::process::ExitCode;
use std::str::FromStr;

pub use lexopt::Parser;

/// Reads the command line, handing each `--name` (without its dashes) to `option`,
/// which takes its value from the parser when it has one. `Err` is the exit status
/// when the program should stop: 0 after `--help`, 2 after a wrong option.
pub fn parse(
    program: &str,
    usage: &str,
    mut option: impl FnMut(&str, &mut Parser) -> Result<(), lexopt::Error>,
) -> Result<(), ExitCode> {
    use lexopt::Arg::{Long, Short};
    let mut parser = Parser::from_env();
    let mut help = || -> Result<bool, lexopt::Error> {
        while let Some(arg) = parser.next()? {
            match arg {
                Long("help") | Short('h') => return Ok(true),
                Long(name) => {
                    let name = name.to_string();
                    option(&name, &mut parser)?;
                }
                other => return Err(other.unexpected()),
            }
        }
        Ok(false)
    };
    match help() {
        Ok(false) => Ok(()),
        Ok(true) => {
            print!("{usage}");
            Err(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{program}: {e} (see {program} --help)");
            Err(ExitCode::from(2))
        }
    }
}

/// An option's value, read as a `T` (a number, a path).
pub fn value<T>(parser: &mut Parser) -> Result<T, lexopt::Error>
where
    T: FromStr,
    T::Err: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    use lexopt::ValueExt;
    parser.value()?.parse()
}

/// An option that this program does not have.
pub fn unknown(name: &str) -> lexopt::Error {
    lexopt::Arg::Long(name).unexpected()
}
