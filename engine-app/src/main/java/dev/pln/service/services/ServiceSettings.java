package dev.pln.service.services;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When follow-ups fall due ({@code pln.services.*}). These are scheduling, not policy decisions, so they live in
 * settings; what a follow-up calls for, and when fallback placement applies, are rules (follow-up.drl, fallback.drl).
 *
 * @param afterRecommendationDays days after a recommendation (N3) its follow-up is due
 * @param publicWelfareTermMonths the term of a public-welfare post
 * @param publicWelfareReviewDaysBefore how many days before the term ends its review is due
 */
@ConfigurationProperties("pln.services")
record ServiceSettings(@DefaultValue("14") int afterRecommendationDays, @DefaultValue("12") int publicWelfareTermMonths,
        @DefaultValue("30") int publicWelfareReviewDaysBefore) {
}
