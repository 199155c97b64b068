import { describe, expect, it } from 'vitest';
import { cidImagesToData, dataImagesToCid } from './inlineImages';

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('pasted images', () => {
  it('become inline attachments referenced by cid, one per distinct picture', () => {
    let next = 0;
    const html = `<p>a<img src="data:image/png;base64,${PIXEL}" alt="x"></p><img width="3" src="data:image/png;base64,${PIXEL}">`;
    const { html: sent, images } = dataImagesToCid(html, () => `img${(next += 1)}@postino`);
    expect(sent).toBe('<p>a<img src="cid:img1@postino" alt="x"></p><img width="3" src="cid:img1@postino">');
    expect(images).toEqual([{ filename: 'image-1.png', contentType: 'image/png', base64: PIXEL, contentId: 'img1@postino' }]);
  });

  it('leave other images and text that only looks like an image alone', () => {
    const html = '<p>src="data:image/png;base64,AAAA"</p><img src="https://example.com/a.png">';
    expect(dataImagesToCid(html, () => 'x').html).toBe(html);
  });

  it('come back as data URLs when the draft is opened again', () => {
    const { html, images } = dataImagesToCid(`<img src="data:image/png;base64,${PIXEL}">`, () => 'one@postino');
    expect(cidImagesToData(html, images)).toBe(`<img src="data:image/png;base64,${PIXEL}">`);
    expect(cidImagesToData('<img src="cid:missing">', images)).toBe('<img src="cid:missing">');
  });
});
