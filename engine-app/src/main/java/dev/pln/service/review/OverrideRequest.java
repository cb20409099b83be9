package dev.pln.service.review;

import dev.pln.service.system.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A caseworker's level for a decision, with a reason from the fixed list and in their own words. */
record OverrideRequest(@NotNull @Min(1) @Max(3) Integer level, @NotNull OverrideReason reasonCode,
        @FreeText @NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 64) String by) {
}
