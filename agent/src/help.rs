//! `--help` in the language the agent speaks: the command line's descriptions (every command's
//! `about`, every option's `help`) are taken from the catalogue (`help-…` ids of
//! shared/locales/*/agent.ftl), and in Arabic and Persian clap's own words too (headings, the
//! usage line, `[default: …]`). Not for parsing: the command line is the same in every language.
//!
//! The English texts of the catalogue are the doc comments of main.rs; a test holds them equal.

use clap::{Arg, Command};
use rasid_agent::language::{Language, say};

/// The global options' ids: their message is `help-arg-<id>` in every command.
const GLOBAL: [&str; 3] = ["data", "json", "lang"];

/// `cmd` (the whole command line, unbuilt) with its descriptions in `language`.
pub fn localized(mut cmd: Command, language: Language) -> Command {
    // Building first adds clap's own `--help`, `--version` and `help` command and copies the
    // global options into every command, so that they too can be said in `language`.
    cmd.build();
    localize(cmd, language, None)
}

/// The message id of the description of `cmd`, a command under `parent` (`None`: the root).
pub fn about_id(cmd: &str, parent: Option<&str>) -> String {
    match (parent, cmd) {
        (None, _) => "help-about".into(),
        (Some(_), "help") => "help-cmd-help".into(),
        (Some(_), _) => format!("help-cmd-{cmd}"),
    }
}

/// The message id of the description of the argument `arg` of the command `cmd`.
pub fn arg_id(cmd: &str, arg: &str) -> String {
    match arg {
        "help" => "help-flag-help".into(),
        "version" => "help-flag-version".into(),
        a if GLOBAL.contains(&a) => format!("help-arg-{a}"),
        a => format!("help-arg-{cmd}-{}", a.replace('_', "-")),
    }
}

fn localize(cmd: Command, language: Language, parent: Option<&str>) -> Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd
        .about(say(&about_id(&name, parent), &[]))
        .long_about(None::<&str>);
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    // In `help`'s own command, the argument is the command whose help is asked for.
    let owner = if parent.is_some() && name == "help" {
        "help"
    } else {
        name.as_str()
    };
    for id in args {
        let text = say(&arg_id(owner, &id), &[]);
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, text, language));
    }
    if language != Language::English {
        cmd = cmd
            .help_template(format!(
                "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
                say("help-usage", &[])
            ))
            .subcommand_help_heading(say("help-commands", &[]));
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subcommands {
        cmd = cmd.mut_subcommand(&sub, |c| localize(c, language, Some(&name)));
    }
    cmd
}

/// `arg` described by `text`; in Arabic and Persian also under a heading in that language, with
/// its environment variable and default said in it (clap would say them in English).
fn localize_arg(arg: Arg, text: String, language: Language) -> Arg {
    if language == Language::English {
        return arg.help(text).long_help(None::<&str>);
    }
    let mut text = text;
    if let Some(env) = arg.get_env() {
        let name = env.to_string_lossy().into_owned();
        text.push_str(&format!(" [{}]", say("help-env", &[("name", name.into())])));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    // clap shows the default of options that take a value only (not `false` of a flag).
    if !defaults.is_empty() && arg.get_action().takes_values() {
        let value = defaults.join(", ");
        text.push_str(&format!(
            " [{}]",
            say("help-default", &[("value", value.into())])
        ));
    }
    let heading = if arg.is_positional() {
        say("help-arguments", &[])
    } else {
        say("help-options", &[])
    };
    arg.help(text)
        .long_help(None::<&str>)
        .hide_env(true)
        .hide_default_value(true)
        .help_heading(heading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and argument of `cmd` (built), with the ids of their descriptions and the
    /// descriptions the derive gave them (the doc comments), as `(id, doc)`.
    fn described(cmd: &Command, parent: Option<&str>, out: &mut Vec<(String, Option<String>)>) {
        let name = cmd.get_name();
        let about = cmd.get_about().map(|s| s.to_string());
        out.push((about_id(name, parent), about));
        let owner = if parent.is_some() && name == "help" {
            "help"
        } else {
            name
        };
        for a in cmd.get_arguments() {
            let doc = a.get_help().map(|s| s.to_string());
            out.push((arg_id(owner, a.get_id().as_str()), doc));
        }
        for sub in cmd.get_subcommands() {
            described(sub, Some(name), out);
        }
    }

    #[test]
    fn the_english_catalogue_says_what_the_doc_comments_say() {
        let mut cmd = crate::Cli::command();
        cmd.build();
        let mut all = Vec::new();
        described(&cmd, None, &mut all);
        for (id, doc) in all {
            let english = rasid_shared::i18n::agent_message(Language::English, &id, &[]);
            assert_ne!(english, id, "{id} is not in en/agent.ftl");
            if let Some(doc) = doc {
                assert_eq!(
                    english, doc,
                    "{id}: en/agent.ftl and the doc comment differ"
                );
            }
        }
    }

    #[test]
    fn every_command_and_argument_has_its_words_in_every_language() {
        for language in Language::ALL {
            let mut cmd = localized(crate::Cli::command(), language);
            let mut all = Vec::new();
            described(&cmd, None, &mut all);
            for (id, shown) in all {
                let shown = shown.unwrap_or_default();
                assert!(!shown.is_empty() && shown != id, "{language:?}: {id}");
            }
            // Rendering every help finds no missing message either.
            for sub in cmd.get_subcommands_mut() {
                let _ = sub.render_help().to_string();
            }
            let _ = cmd.render_help().to_string();
        }
        let misses = rasid_shared::i18n::misses();
        assert!(misses.is_empty(), "{misses:#?}");
    }
}
