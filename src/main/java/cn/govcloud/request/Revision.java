package cn.govcloud.request;

import java.time.Instant;
import java.util.List;

/** An application as it was submitted the n-th time; every version is kept. */
record Revision(int revision, Instant submittedAt, String submittedBy, Integer planVersion, String summary,
		List<ApplicationLine> lines) {
}
