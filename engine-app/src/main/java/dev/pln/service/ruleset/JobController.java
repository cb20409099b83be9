package dev.pln.service.ruleset;

import dev.pln.service.system.ResourceNotFoundException;
import dev.pln.service.system.Scope;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Progress and result of a long job ({@code GET /api/v1/jobs/{id}}). */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    Jobs.JobView one(@PathVariable String id) {
        return jobs.find(id).filter(job -> job.population().visibleTo(Scope.current())).map(Jobs.Job::view)
                .orElseThrow(() -> new ResourceNotFoundException("No job " + id + " on this instance (jobs are kept "
                        + "in memory by the instance that runs them)."));
    }
}
