package dev.pln.service.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A second person's confirmation of a pending override. */
record ConfirmationRequest(@NotBlank @Size(max = 64) String by) {
}
