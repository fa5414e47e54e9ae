/**
 * Registration quality rules, scoring and explanations. Pure Java: no Flink, no I/O, no static
 * mutable state, and no rule reads the clock: "now" is the snapshot's instant, so a replay gives the
 * same findings.
 *
 * <p>Entry points: {@link io.admitto.qarules.RegistrationAssessor} (snapshot in, {@link
 * io.admitto.qarules.Assessment} out), {@link io.admitto.qarules.snapshot.SnapshotAssembler} (canonical
 * events of one encounter folded into a snapshot), {@link io.admitto.qarules.config.OrganizationConfigLoader},
 * {@link io.admitto.qarules.catalogue.RuleCatalogue}, {@link io.admitto.qarules.scoring.QualityRates} and
 * {@link io.admitto.qarules.catalogue.Evaluation}.
 */
package io.admitto.qarules;
