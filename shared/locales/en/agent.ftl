# The agent's commands in English: what `rasid-agent` prints for a person (help, summaries,
# status, push, decisions, rejected, doctor). `--json` output is not here: it stays English and
# stable for scripts. Ids and arguments are those of ar/agent.ftl (shared/tests/catalogue.rs).

agent-language-name = English
