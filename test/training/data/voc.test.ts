import { describe, expect, it } from 'vitest';
import { parseVoc } from '../../../training/data/voc';

const xml = `<annotation>
	<folder>annotations</folder>
	<filename>1234.png</filename>
	<size>
		<width>880</width>
		<height>1270</height>
		<depth>1</depth>
	</size>
	<object>
		<name>PIP</name>
		<bndbox><xmin>181</xmin><ymin>458</ymin><xmax>238</xmax><ymax>541</ymax></bndbox>
	</object>
	<object>
		<name>Radius</name>
		<pose>Unspecified</pose>
		<bndbox>
			<xmin>300</xmin>
			<ymin>1000</ymin>
			<xmax>420</xmax>
			<ymax>1150</ymax>
		</bndbox>
	</object>
</annotation>`;

describe('parseVoc', () => {
  it('reads the frame size and every box with its label', () => {
    const a = parseVoc(xml);
    expect(a).toEqual({
      filename: '1234.png',
      width: 880,
      height: 1270,
      objects: [
        { label: 'PIP', xmin: 181, ymin: 458, xmax: 238, ymax: 541 },
        { label: 'Radius', xmin: 300, ymin: 1000, xmax: 420, ymax: 1150 },
      ],
    });
  });

  it('says what is missing', () => {
    expect(() => parseVoc('<annotation><object><name>DIP</name></object></annotation>', 'x.xml')).toThrow(/x\.xml: no <size>/);
    expect(() => parseVoc(xml.replace('<xmax>238</xmax>', ''), 'y.xml')).toThrow(/y\.xml: no numeric <xmax>/);
  });
});
