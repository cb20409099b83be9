package dev.pln.service.decision;

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
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The client facts an intake system posts (the request body of a decision), validated as the HTTP
 * contract says. It is mapped to the fact model and never stored as an entity itself.
 */
public record ClientFactsRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1–64 characters of A-Z a-z 0-9 _ -") String clientId,
        @Size(max = 100) String name,
        Sex sex,
        @NotNull @Min(16) @Max(100) Integer age,
        TargetGroup targetGroup,
        @Valid JurisdictionFacts jurisdiction,
        @NotNull Willingness willingness,
        @NotNull @Valid GoalFacts goal,
        @NotNull @Valid ConditionsFacts conditions,
        @Valid AttitudesFacts attitudes,
        @Valid JobSearchFacts jobSearch,
        @Valid FamilyFacts family,
        @Size(max = 64) String assessedBy,
        @PastOrPresent LocalDate assessedOn) {

    /** Town and village the client belongs to. */
    public record JurisdictionFacts(@Size(max = 100) String town, @Size(max = 100) String village) {
    }

    /** Career goal. */
    public record GoalFacts(@NotNull GoalClarity clarity, @Size(max = 200) String occupation,
            Boolean matchesConditions) {
    }

    /** Employment conditions. */
    public record ConditionsFacts(@NotNull Education education, @Size(max = 100) String major,
            @DecimalMin("0") @DecimalMax("60") Double workExperienceYears,
            @Min(0) @Max(600) Integer monthsOutOfWork,
            @Size(max = 50) List<@NotNull @Size(max = 100) String> skills,
            @Size(max = 50) List<@NotNull @Size(max = 100) String> certificates,
            Health health) {
    }

    /** Employment attitudes. */
    public record AttitudesFacts(@Size(max = 6) List<@NotNull Misconception> misconceptions) {
    }

    /** Job-search ability. */
    public record JobSearchFacts(Boolean hasResume, ResumeQuality resumeQuality, InterviewSkill interviewSkill,
            SearchStrategy strategy) {
    }

    /** Family situation. */
    public record FamilyFacts(Caregiving caregiving, Boolean lowIncome, Boolean needsWorkNearHome,
            Boolean acceptsShiftWork) {
    }

    /** The facts as the rules see them; dimensions that were not posted become facts with nothing recorded. */
    public ClientFacts toFacts() {
        JurisdictionFacts where = jurisdiction != null ? jurisdiction : new JurisdictionFacts(null, null);
        Person person = new Person(clientId, name, sex, age, targetGroup, where.town(), where.village(), willingness,
                assessedBy, assessedOn);
        return new ClientFacts(person,
                goal == null ? null : new Goal(goal.clarity(), goal.occupation(), goal.matchesConditions()),
                conditions == null ? null
                        : new Conditions(conditions.education(), conditions.major(),
                                conditions.workExperienceYears(), conditions.monthsOutOfWork(), conditions.skills(),
                                conditions.certificates(), conditions.health()),
                attitudes == null ? null : new Attitudes(attitudes.misconceptions()),
                jobSearch == null ? null
                        : new JobSearch(jobSearch.hasResume(), jobSearch.resumeQuality(), jobSearch.interviewSkill(),
                                jobSearch.strategy()),
                family == null ? null
                        : new Family(family.caregiving(), family.lowIncome(), family.needsWorkNearHome(),
                                family.acceptsShiftWork()));
    }
}
