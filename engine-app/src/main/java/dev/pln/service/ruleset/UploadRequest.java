package dev.pln.service.ruleset;

import dev.pln.service.system.FreeText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The JSON form of an upload: a version, a description and the complete set of DRL files by path. */
record UploadRequest(@NotNull String version, @FreeText @Size(max = 500) String description,
        @FreeText @NotNull @Size(min = 1, max = 200) Map<String, @NotNull String> files) {
}
