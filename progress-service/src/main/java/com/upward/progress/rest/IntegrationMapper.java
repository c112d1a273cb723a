package com.upward.progress.rest;

import com.upward.platform.web.Page;
import com.upward.progress.rest.IntegrationViews.Completion;
import com.upward.progress.service.Completions;

/** From what {@link Completions} returns to the integration API's records. */
public final class IntegrationMapper {

    private IntegrationMapper() {
    }

    public static Page<Completion> view(Page<Completions.Completion> page) {
        return new Page<>(page.items().stream().map(c -> new Completion(c.learnerId(), c.learnerName(), c.courseId(),
                c.courseTitle(), c.courseVersion(), c.completedAt(), c.finalPercent(), c.certificateId(),
                c.certificateUrl())).toList(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
