/**
 * The compliance report: its document model bound to the published schema
 * ({@code compliance-report-1.xsd}, namespace {@value io.oversight.export.report.ComplianceReport#NAMESPACE}),
 * the one pass over ledger entries that computes its figures, and the XML and PDF/A renderings of
 * that one computation. Plain Java plus JAXB and PDFBox: no container needed, so unit tests and the
 * benchmark run it directly.
 */
@XmlSchema(namespace = ComplianceReport.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "", namespaceURI = ComplianceReport.NAMESPACE))
@XmlAccessorType(XmlAccessType.FIELD)
package io.oversight.export.report;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
