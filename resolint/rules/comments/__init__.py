"""RL: resolint's reports on its own comments, the suppression directives. These rules run
after the suppression filter (READS_SUPPRESSIONS) and read what each directive silenced. The
RL0xx codes are resolint's reports on the run itself (RL000, a rule that failed)."""
