package dev.pln.service.review;

import dev.pln.service.system.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reviewer's flag on a decision. */
record FlagRequest(@FreeText @NotBlank @Size(max = 1000) String comment, @NotBlank @Size(max = 64) String by) {
}
