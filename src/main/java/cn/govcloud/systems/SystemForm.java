package cn.govcloud.systems;

import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.Text;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a unit enters to register or edit a system. The hosting status changes through its
 * own transitions, not through this form.
 */
record SystemForm(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 2000) String purpose,
		UUID securityOfficerId, @Min(1) @Max(5) Integer protectionLevel, @Size(max = 50) String filingNumber,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastAssessmentOn) {

	public SystemForm {
		name = (name != null) ? name.strip() : null;
		purpose = (purpose != null) ? purpose.strip() : null;
		filingNumber = Text.stripToNull(filingNumber);
	}

}
