package dev.pln.service.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class AdminTokenTests {

    @Test
    void withoutAConfiguredTokenTheEndpointsAreClosedAndTheAnswerSaysHowToOpenThem() {
        AdminToken token = new AdminToken(new AdminSettings(null));

        assertThatThrownBy(() -> token.check("anything", "Rule set changes"))
                .isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
                    assertThat(ex.getStatusCode().value()).isEqualTo(403);
                    assertThat(ex.getBody().getDetail()).startsWith("Rule set changes").contains("pln.admin-token")
                            .contains("PLN_ADMIN_TOKEN").contains("X-Admin-Token");
                });
    }

    @Test
    void aMissingOrWrongTokenIs403AndTheRightOneGoesThrough() {
        AdminToken token = new AdminToken(new AdminSettings("s3cret"));

        assertThatThrownBy(() -> token.check(null, "The audit trail"))
                .isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
                    assertThat(ex.getStatusCode().value()).isEqualTo(403);
                    assertThat(ex.getBody().getDetail()).contains("none was sent");
                });
        assertThatThrownBy(() -> token.check("s3cre", "The audit trail"))
                .isInstanceOfSatisfying(ErrorResponseException.class, ex -> assertThat(ex.getBody().getDetail())
                        .contains("does not match"));
        assertThatNoException().isThrownBy(() -> token.check("s3cret", "The audit trail"));
    }
}
