package cn.govcloud.systems;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A system to register: the fields of {@link SystemForm} plus how it enters the register
 * ({@code PLANNED} when left out). The API's body and the page's form.
 */
record RegisterRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 2000) String purpose,
		UUID securityOfficerId, @Min(1) @Max(5) Integer protectionLevel, @Size(max = 50) String filingNumber,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastAssessmentOn, HostingStatus hostingStatus) {

	SystemForm toForm() {
		return new SystemForm(this.name, this.purpose, this.securityOfficerId, this.protectionLevel, this.filingNumber,
				this.lastAssessmentOn);
	}

}
