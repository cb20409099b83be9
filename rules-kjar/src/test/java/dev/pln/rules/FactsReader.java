package dev.pln.rules;

import dev.pln.model.Attitudes;
import dev.pln.model.Caregiving;
import dev.pln.model.ClientFacts;
import dev.pln.model.Conditions;
import dev.pln.model.Education;
import dev.pln.model.Family;
import dev.pln.model.Goal;
import dev.pln.model.GoalClarity;
import dev.pln.model.Health;
import dev.pln.model.InterviewSkill;
import dev.pln.model.JobSearch;
import dev.pln.model.Misconception;
import dev.pln.model.Person;
import dev.pln.model.ResumeQuality;
import dev.pln.model.SearchStrategy;
import dev.pln.model.Sex;
import dev.pln.model.TargetGroup;
import dev.pln.model.Willingness;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reads a fixture's request body into the fact model, keeping "not recorded" as null. */
final class FactsReader {

    private FactsReader() {
    }

    static ClientFacts read(JsonNode r) {
        JsonNode jurisdiction = r.path("jurisdiction");
        JsonNode goal = r.path("goal");
        JsonNode conditions = r.path("conditions");
        JsonNode jobSearch = r.path("jobSearch");
        JsonNode family = r.path("family");
        Person person = new Person(text(r, "clientId"), text(r, "name"), enumOf(r, "sex", Sex::valueOf),
                integer(r, "age"), enumOf(r, "targetGroup", TargetGroup::valueOf), text(jurisdiction, "town"),
                text(jurisdiction, "village"), enumOf(r, "willingness", Willingness::valueOf), text(r, "assessedBy"),
                r.hasNonNull("assessedOn") ? LocalDate.parse(r.get("assessedOn").asString()) : null);
        return new ClientFacts(person,
                new Goal(enumOf(goal, "clarity", GoalClarity::valueOf), text(goal, "occupation"),
                        bool(goal, "matchesConditions")),
                new Conditions(enumOf(conditions, "education", Education::valueOf), text(conditions, "major"),
                        conditions.hasNonNull("workExperienceYears")
                                ? conditions.get("workExperienceYears").asDouble() : null,
                        integer(conditions, "monthsOutOfWork"), list(conditions, "skills", Function.identity()),
                        list(conditions, "certificates", Function.identity()),
                        enumOf(conditions, "health", Health::valueOf)),
                new Attitudes(list(r.path("attitudes"), "misconceptions", Misconception::valueOf)),
                new JobSearch(bool(jobSearch, "hasResume"), enumOf(jobSearch, "resumeQuality", ResumeQuality::valueOf),
                        enumOf(jobSearch, "interviewSkill", InterviewSkill::valueOf),
                        enumOf(jobSearch, "strategy", SearchStrategy::valueOf)),
                new Family(enumOf(family, "caregiving", Caregiving::valueOf), bool(family, "lowIncome"),
                        bool(family, "needsWorkNearHome"), bool(family, "acceptsShiftWork")));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }

    private static Boolean bool(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asBoolean() : null;
    }

    private static <E> E enumOf(JsonNode node, String field, Function<String, E> valueOf) {
        return node.hasNonNull(field) ? valueOf.apply(node.get(field).asString()) : null;
    }

    private static <T> List<T> list(JsonNode node, String field, Function<String, T> valueOf) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        List<T> values = new ArrayList<>();
        node.get(field).forEach(item -> values.add(valueOf.apply(item.asString())));
        return values;
    }
}
