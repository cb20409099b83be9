package dev.pln.service.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading and verifying the audit trail: role {@code ADMIN}, or with security off the admin token. */
@RestController
@RequestMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private final AuditTrail trail;

    private final MongoTemplate mongo;


    AuditController(AuditTrail trail, MongoTemplate mongo) {
        this.trail = trail;
        this.mongo = mongo;
    }

    /** Walks the whole trail: {@code {"valid", "entries", "firstBroken", "sealedOnUpgrade"}}. */
    @GetMapping("/verify")
    AuditVerification verify() {
        return trail.verify();
    }

    /** The newest entries first, {@code limit} at a time; {@code before} pages back from a {@code seq}. */
    @GetMapping
    AuditPage entries(@RequestParam(required = false) @Min(1) Long before,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        if (before != null) {
            query.addCriteria(Criteria.where("_id").lt(before));
        }
        List<AuditEntry> items = mongo.find(query, AuditEntry.class);
        Long next = items.size() == limit && items.get(items.size() - 1).seq() > 1
                ? items.get(items.size() - 1).seq() : null;
        return new AuditPage(items, next);
    }

    /** One page of entries; {@code nextBefore} is the {@code before} of the next page, or null at the start. */
    record AuditPage(List<AuditEntry> items, Long nextBefore) {
    }
}
