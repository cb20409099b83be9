package dev.pln.service.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverrideDocumentTests {

    static final Instant AT = Instant.parse("2026-11-28T05:00:00Z");

    static OverrideDocument proposed(int rulesLevel, int level) {
        return OverrideDocument.proposed("o-1", "d-1", "c-1", rulesLevel, level, "L2-01", "cw-017",
                OverrideReason.FACTS_CHANGED, "情况已变化", "cw-017", AT);
    }

    @Test
    void aHigherLevelIsEffectiveAtOnce() {
        OverrideDocument higher = proposed(2, 3);

        assertThat(higher.status()).isEqualTo(OverrideDocument.Status.EFFECTIVE);
        assertThat(higher.effectiveAt()).isEqualTo(AT);
    }

    @Test
    void aLowerLevelWaitsForASecondPerson() {
        OverrideDocument lower = proposed(2, 1);

        assertThat(lower.status()).isEqualTo(OverrideDocument.Status.PENDING);
        assertThat(lower.effectiveAt()).isNull();
        assertThat(lower.confirmed("cw-002", AT).status()).isEqualTo(OverrideDocument.Status.EFFECTIVE);
    }

    @Test
    void rejectsALowerLevelConfirmedByItsProposer() {
        OverrideDocument lower = proposed(2, 1);

        assertThatIllegalArgumentException().isThrownBy(() -> lower.confirmed("cw-017", AT))
                .withMessageContaining("second person");
    }
}
