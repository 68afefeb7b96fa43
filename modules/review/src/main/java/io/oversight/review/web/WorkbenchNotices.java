package io.oversight.review.web;

import io.oversight.kernel.RefusalException;
import io.oversight.review.ReviewQueues;
import io.oversight.review.ReviewerNotice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The notices above the workbench: what adjudication told the reviewer about their overturned answers,
 * in front of them until they say they have seen it, then one click away among the earlier ones.
 */
@Named
@RequestScoped
public class WorkbenchNotices {

    @Inject
    ReviewQueues queues;

    private List<ReviewerNotice> notices;

    /** Notices the reviewer has not yet said they have seen: shown until they do. */
    public List<ReviewerNotice> getNotices() {
        return allNotices().stream().filter(n -> n.readAt().isEmpty()).toList();
    }

    /** Notices already seen, kept one click away so an overruled answer can be looked up again. */
    public List<ReviewerNotice> getEarlierNotices() {
        return allNotices().stream().filter(n -> n.readAt().isPresent()).toList();
    }

    private List<ReviewerNotice> allNotices() {
        if (notices == null) {
            notices = queues.myNotices();
        }
        return notices;
    }

    /** The reviewer has read the notice: it moves to the earlier ones. */
    public String seen(String noticeId) {
        try {
            queues.markNoticeRead(noticeId);
        } catch (RefusalException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        notices = null;
        return null;
    }
}
