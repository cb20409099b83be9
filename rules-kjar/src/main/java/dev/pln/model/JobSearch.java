package dev.pln.model;

/** Job-search ability (求职能力): resume, interviewing and how the client applies. */
public final class JobSearch {

    private final Boolean hasResume;
    private final ResumeQuality resumeQuality;
    private final InterviewSkill interviewSkill;
    private final SearchStrategy strategy;

    public JobSearch(Boolean hasResume, ResumeQuality resumeQuality, InterviewSkill interviewSkill,
            SearchStrategy strategy) {
        this.hasResume = hasResume;
        this.resumeQuality = resumeQuality;
        this.interviewSkill = interviewSkill;
        this.strategy = strategy;
    }

    public Boolean getHasResume() {
        return hasResume;
    }

    public ResumeQuality getResumeQuality() {
        return resumeQuality;
    }

    public InterviewSkill getInterviewSkill() {
        return interviewSkill;
    }

    public SearchStrategy getStrategy() {
        return strategy;
    }
}
