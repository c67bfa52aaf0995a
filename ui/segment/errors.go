package segment

import (
	"errors"

	seg "github.com/pulpero/pulpero/model/segment"
)

func asSegError(err error, target **seg.Error) bool { return errors.As(err, target) }
