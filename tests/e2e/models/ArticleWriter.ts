import { expect, type Locator, type Page } from '@playwright/test';

export interface StoryText {
  title: string;
  lead: string;
  byline: string;
  /** One line each (short enough not to wrap, so Home/Shift+End select a whole paragraph). */
  paragraphs: string[];
}

export interface StoryPhoto {
  name: string;
  jpeg: Buffer;
  caption: string;
  alt: string;
  credit: string;
}

/** Writing an article through the editor as a writer does: fields, body typed key by key, a photo. */
export class ArticleWriter {
  constructor(readonly page: Page) {}

  get body(): Locator {
    return this.page.getByTestId('body-editor');
  }
  get paragraphs(): Locator {
    return this.body.locator(':scope > p');
  }
  get state(): Locator {
    return this.page.getByTestId('article-state');
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  }

  /** In the article already open: title, lead, byline, the paragraphs, then the photo under them. */
  async write(story: StoryText, photo?: StoryPhoto): Promise<void> {
    await this.page.getByTestId('title-input').fill(story.title);
    await this.page.getByTestId('lead-input').fill(story.lead);
    await this.page.getByTestId('byline-input').fill(story.byline);
    await this.body.click();
    for (const [index, text] of story.paragraphs.entries()) {
      if (index > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(text);
    }
    await expect(this.paragraphs.filter({ hasText: story.paragraphs.at(-1)! })).toHaveCount(1);
    if (photo) {
      await this.page.getByTestId('photo-file-input').setInputFiles({ name: photo.name, mimeType: 'image/jpeg', buffer: photo.jpeg });
      const figure = this.page.getByTestId('figure');
      await expect(figure).toHaveCount(1);
      await figure.getByTestId('figure-caption').fill(photo.caption);
      await figure.getByTestId('figure-alt').fill(photo.alt);
      await figure.getByTestId('figure-credit').fill(photo.credit);
    }
    await this.expectSaved();
  }

  /** Replaces the text of the paragraph holding `oldText` by typing over it. */
  async retype(oldText: string, newText: string): Promise<void> {
    const paragraph = this.paragraphs.filter({ hasText: oldText });
    await expect(paragraph).toHaveCount(1);
    await paragraph.click();
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('Shift+End');
    await this.page.keyboard.type(newText);
    await expect(this.paragraphs.filter({ hasText: newText })).toHaveCount(1);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('transition-submit').click();
    await expect(this.state).toHaveAttribute('data-state', 'submitted');
  }
}
