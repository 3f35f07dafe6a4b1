import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Questions } from './Questions';

describe('Questions', () => {
  it('answers a single question with one click', () => {
    const onAnswer = vi.fn();
    render(<Questions questions={[{ id: 'db', text: 'Which database?', options: ['sqlite', 'postgres'] }]} disabled={false} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByText('postgres'));
    expect(onAnswer).toHaveBeenCalledWith({ db: 'postgres' }, 'Which database? → postgres');
  });

  it('collects several answers (defaults preselected) before sending', () => {
    const onAnswer = vi.fn();
    render(
      <Questions
        questions={[
          { id: 'a', text: 'Auth?', options: ['yes', 'no'], default: 'yes' },
          { id: 'b', text: 'Realtime?', options: ['yes', 'no'] },
        ]}
        disabled={false}
        onAnswer={onAnswer}
      />,
    );
    const send = screen.getByText('Send answers').closest('button') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(screen.getAllByText('no')[1] as HTMLElement);
    fireEvent.click(send);
    expect(onAnswer).toHaveBeenCalledWith({ a: 'yes', b: 'no' }, 'Auth? → yes\nRealtime? → no');
  });
});
