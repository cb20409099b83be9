package dev.pln.service.review;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A reviewer's flag on a decision: something to look at again, with who raised it and when. */
@Document(FlagDocument.COLLECTION)
record FlagDocument(@Id String id, String decisionId, String comment, String by, Instant at) {

    static final String COLLECTION = "flags";

    FlagDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
