package dev.pln.service.ruleset;

import dev.pln.service.system.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a version is activated, and whether its scenario failures are accepted as intended changes. */
record ActivationRequest(@FreeText @NotBlank @Size(max = 500) String reason, Boolean acceptScenarioChanges) {

    boolean accepted() {
        return Boolean.TRUE.equals(acceptScenarioChanges);
    }
}
