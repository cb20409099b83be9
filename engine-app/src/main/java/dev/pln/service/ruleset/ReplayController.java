package dev.pln.service.ruleset;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/decisions/{decisionId}/replay}: a stored decision decided again, nothing stored. */
@RestController
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @PostMapping(path = "/api/v1/decisions/{decisionId}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    ReplayView replay(@PathVariable String decisionId, @RequestBody(required = false) ReplayRequest request) {
        return replays.replay(decisionId, request == null ? null : request.ruleset());
    }
}
