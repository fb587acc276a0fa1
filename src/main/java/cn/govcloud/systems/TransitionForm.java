package cn.govcloud.systems;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** One of the status buttons of the system's page, with what that change needs. */
record TransitionForm(@NotNull HostingStatus status, HostingStatus expectedStatus,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate, @Size(max = 500) String reason) {

	StatusChange toChange() {
		return new StatusChange(this.status, this.expectedStatus, this.targetDate, this.reason, null, null);
	}

}
