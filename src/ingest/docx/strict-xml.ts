/**
 * mammoth parses each XML part with xmldom and refuses the document if xmldom reported any warning
 * or error — but only after the whole part is parsed. After an error, xmldom's recovery appends the
 * rest of the part to one element node by node, and each insertion rebuilds that element's child
 * list: quadratic (a damaged 755 KB document.xml took 16 s of CPU to be refused; fuzz seed 28).
 * Here mammoth's parse is replaced by one that stops at the first message: the outcome is the same
 * refusal (mammoth would throw at the end anyway), in milliseconds. Well-formed parts parse as before.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface XmldomModule {
  DOMParser: new (options: { errorHandler: (level: string, message: string) => void }) => { parseFromString(s: string): unknown };
}
interface SaxModule {
  ParseError: new (message: string) => Error;
}

let installed = false;

export function installStrictXml(): void {
  if (installed) return;
  installed = true;
  const mammothXml = require('mammoth/lib/xml/xmldom.js') as { parseFromString: (s: string) => unknown };
  // resolved from mammoth's own folder: the xmldom it parses with
  const fromMammoth = createRequire(require.resolve('mammoth/lib/xml/xmldom.js'));
  const xmldom = fromMammoth('@xmldom/xmldom') as XmldomModule;
  const { ParseError } = fromMammoth('@xmldom/xmldom/lib/sax') as SaxModule;
  mammothXml.parseFromString = (string: string) => {
    const parser = new xmldom.DOMParser({
      errorHandler: (level, message) => {
        // a ParseError passes through xmldom's own catch blocks; mammoth's message form ("level: message")
        throw new ParseError(`${level}: ${message}`);
      },
    });
    return parser.parseFromString(string);
  };
}
