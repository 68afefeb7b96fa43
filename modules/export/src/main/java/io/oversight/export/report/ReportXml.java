package io.oversight.export.report;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;

/**
 * Writes and reads the report XML against the published schema. Marshalling validates against the
 * schema too, so a document that breaks it is never produced. Thread-safe: the JAXB context and the
 * compiled schema are immutable and shared; marshallers are made per call.
 */
public final class ReportXml {

    private static final JAXBContext CONTEXT;
    private static final Schema SCHEMA;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(ComplianceReport.class);
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the schema is ours and self-contained: nothing may be fetched while compiling it
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            URL xsd = ReportXml.class.getResource(ComplianceReport.SCHEMA_RESOURCE);
            SCHEMA = factory.newSchema(xsd);
        } catch (JAXBException | SAXException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ReportXml() {
    }

    /** The compiled published schema. */
    public static Schema schema() {
        return SCHEMA;
    }

    /** Writes the report as UTF-8 XML, validated against the schema while it is written. */
    public static void write(ComplianceReport report, OutputStream out) throws JAXBException {
        Marshaller marshaller = CONTEXT.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        marshaller.setProperty(Marshaller.JAXB_SCHEMA_LOCATION,
                ComplianceReport.NAMESPACE + " compliance-report-1.xsd");
        marshaller.setSchema(SCHEMA);
        marshaller.marshal(report, out);
    }

    /** Reads a report, validating it against the schema. */
    public static ComplianceReport read(InputStream in) throws JAXBException {
        Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
        unmarshaller.setSchema(SCHEMA);
        return (ComplianceReport) unmarshaller.unmarshal(new StreamSource(in));
    }
}
