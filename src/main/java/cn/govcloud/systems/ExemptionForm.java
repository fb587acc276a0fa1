package cn.govcloud.systems;

import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/** A unit's request for an exemption on the system's page: basis and document at once. */
record ExemptionForm(HostingStatus expectedStatus, @Size(max = 2000) String exemptionBasis, MultipartFile file) {
}
