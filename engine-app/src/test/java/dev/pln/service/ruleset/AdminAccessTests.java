package dev.pln.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pln.service.system.InputProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class AdminAccessTests {

    @Test
    void withoutAConfiguredTokenWritesAreClosedAndTheAnswerSaysHowToOpenThem() {
        AdminAccess access = new AdminAccess(new AdminSettings(null));

        assertThatThrownBy(() -> access.check("anything")).isInstanceOfSatisfying(ErrorResponseException.class,
                ex -> {
                    assertThat(ex.getStatusCode().value()).isEqualTo(403);
                    assertThat(ex.getBody().getDetail()).contains("pln.admin-token").contains("PLN_ADMIN_TOKEN")
                            .contains("X-Admin-Token");
                });
    }

    @Test
    void aMissingOrWrongTokenIs403AndTheRightOneGoesThrough() {
        AdminAccess access = new AdminAccess(new AdminSettings("s3cret"));

        assertThatThrownBy(() -> access.check(null)).isInstanceOfSatisfying(ErrorResponseException.class,
                ex -> assertThat(ex.getStatusCode().value()).isEqualTo(403));
        assertThatThrownBy(() -> access.check("s3cre")).isInstanceOfSatisfying(ErrorResponseException.class,
                ex -> assertThat(ex.getStatusCode().value()).isEqualTo(403));
        assertThatNoException().isThrownBy(() -> access.check("s3cret"));
    }

    @Test
    void theActorComesFromTheHeaderOrIsUnknown() {
        assertThat(AdminAccess.actor(null)).isEqualTo("unknown");
        assertThat(AdminAccess.actor(" officer-7 ")).isEqualTo("officer-7");
        assertThatThrownBy(() -> AdminAccess.actor("x".repeat(65))).isInstanceOf(InputProblemException.class);
    }
}
