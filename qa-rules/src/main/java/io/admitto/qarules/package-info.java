/**
 * Registration quality rules, scoring and explanations. Pure Java: no Flink, no I/O, no static
 * mutable state. The rule catalogue is built in its own issue; the module exists from the start so the
 * streaming jobs can depend on it.
 */
package io.admitto.qarules;
