package dev.pln.service.engine;

import dev.pln.model.Measure;

/** One measure recommended for this person, with the reason and rule id of the plan rule that chose it. */
public record PlanItem(Measure measure, String title, String reason, String ruleId) {
}
