package dev.pln.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pln.service.system.InputProblemException;
import org.junit.jupiter.api.Test;

class AdminAccessTests {

    @Test
    void theActorComesFromTheHeaderOrIsUnknown() {
        assertThat(AdminAccess.actor(null)).isEqualTo("unknown");
        assertThat(AdminAccess.actor(" officer-7 ")).isEqualTo("officer-7");
        assertThatThrownBy(() -> AdminAccess.actor("x".repeat(65))).isInstanceOf(InputProblemException.class);
    }
}
