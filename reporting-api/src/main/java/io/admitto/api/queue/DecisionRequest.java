package io.admitto.api.queue;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/queue/{encounterId}/decisions}.
 *
 * @param decision confirmed_error, corrected, false_positive or needs_follow_up
 * @param ruleIds the rules the decision is about; all of the current findings' rules when absent
 */
public record DecisionRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "confirmed_error|corrected|false_positive|needs_follow_up",
                message = "must be confirmed_error, corrected, false_positive or needs_follow_up") String decision,
        @Size(max = 4000, message = "must be at most 4000 characters") String note,
        @Size(max = 50, message = "must list at most 50 rules") List<@Pattern(regexp = "[A-Z]{2,4}-[0-9]{3}", message = "must be rule ids like REG-001") String> ruleIds)
{
}
